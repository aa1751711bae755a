/**
 * Discord's global limit (50 requests a second per bot) shared by every process
 * on one PostgreSQL or MySQL/MariaDB database: each request takes the next slot
 * of an evenly spaced schedule kept there (`request_schedule.ts`), 45 a second
 * for all processes together, so any sliding second holds at most 46 of them,
 * however many processes send. When the database cannot be reached, requests
 * fall back on this process's own pacer (and Discord's 429 handling) rather than
 * wait on it.
 *
 * Requests a person waits on go first: a background request takes a slot only
 * while the schedule is nearly idle, whichever process filled it, and otherwise
 * asks again when it may be; inside one process it also waits while any
 * person's request is waiting here.
 *
 * Inside one process only a few requests ask the database at a time; the others
 * wait their turn here, first come first served (a person's turn before a
 * background one). A person's request asks once and then waits for its slot, so
 * a burst of 200 costs 200 short transactions, served in order.
 */
import type { Logger } from "@logtape/logtape";
import type { DatabaseTarget } from "../../db/target.ts";
import { createGlobalPacer, type GlobalPacer } from "./global_pacer.ts";
import type { RequestPriority } from "./request_priority.ts";
import { createDatabaseSchedule, type Schedule } from "./request_schedule.ts";

/** Requests of one process that may ask the database at once (its connections). */
export const ASKING_AT_ONCE = 2;

/** Options of `createSharedBudget`. */
export interface SharedBudgetOptions {
  /** PostgreSQL schema the tables live in (tests isolate themselves in one). */
  postgresSchema?: string;
  /** Gives up connecting or on one statement after this long (default 2,000 ms). */
  timeoutMs?: number;
  log: Logger;
}

/** A request budget kept in the database; `end()` also ends its connections. */
export interface SharedBudget extends GlobalPacer {
  /** Ends the budget's own database connections. */
  end(): Promise<void>;
}

/** A budget shared through `target`, a PostgreSQL or MySQL/MariaDB database already migrated. */
export async function createSharedBudget(
  target: Exclude<DatabaseTarget, { kind: "sqlite" }>,
  options: SharedBudgetOptions,
): Promise<SharedBudget> {
  const schedule = await createDatabaseSchedule(target, {
    connections: ASKING_AT_ONCE,
    ...(options.postgresSchema === undefined ? {} : { postgresSchema: options.postgresSchema }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    onIdleError: (error) => {
      options.log.warn("An idle request-budget connection failed: {reason}", {
        reason: error.message,
      });
    },
  });
  return sharedBudgetOver(schedule, { log: options.log });
}

/** The budget logic over any schedule (tests use in-memory or failing ones). */
export function sharedBudgetOver(
  schedule: Schedule,
  options: { log: Logger },
): SharedBudget {
  const fallback = createGlobalPacer();
  let closed = false;
  let warned = false;
  const sleeping = new Map<ReturnType<typeof setTimeout>, () => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed || ms <= 0) return resolve();
      const timer = setTimeout(() => {
        sleeping.delete(timer);
        resolve();
      }, ms);
      sleeping.set(timer, resolve);
    });
  let people = 0;
  const peopleGone: Array<() => void> = [];
  // The turns of this process's requests at the database: ASKING_AT_ONCE at a time.
  let asking = 0;
  const turns: Record<RequestPriority, Array<() => void>> = { person: [], background: [] };
  const turn = (priority: RequestPriority): Promise<void> => {
    if (closed || asking < ASKING_AT_ONCE) {
      asking++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => turns[priority].push(resolve));
  };
  const endTurn = () => {
    const next = turns.person.shift() ?? turns.background.shift();
    if (next !== undefined) next();
    else asking--;
  };
  // Background requests ask one at a time, in order: the one in front asks again
  // while the schedule is busy, the others wait behind it.
  let backgroundLine: Promise<void> = Promise.resolve();

  /** Asks the schedule once in a turn; null when the database failed (the fallback paced it). */
  const ask = async (priority: RequestPriority) => {
    await turn(priority);
    try {
      const taken = await schedule.take(priority);
      warned = false;
      return taken;
    } catch (error) {
      if (!warned) {
        options.log.warn(
          "The shared request budget is unreachable; pacing this process alone: {error}",
          { error },
        );
        warned = true;
      }
      return null;
    } finally {
      endTurn();
    }
  };

  const person = async () => {
    people++;
    try {
      const taken = closed ? null : await ask("person");
      if (closed) return;
      if (taken === null) return await fallback.acquire("person");
      if (taken.kind === "slot") await wait(taken.waitMs);
    } finally {
      people--;
      if (people === 0) { for (const wake of peopleGone.splice(0)) wake(); }
    }
  };

  const background = async () => {
    let done!: () => void;
    const mine = new Promise<void>((resolve) => done = resolve);
    const ahead = backgroundLine;
    backgroundLine = ahead.then(() => mine);
    let slotMs = 0;
    try {
      await ahead;
      while (!closed) {
        while (people > 0 && !closed) {
          await new Promise<void>((resolve) => peopleGone.push(resolve));
        }
        if (closed) return;
        const taken = await ask("background");
        if (taken === null) return await fallback.acquire("background");
        if (taken.kind === "slot") {
          slotMs = taken.waitMs;
          break;
        }
        await wait(taken.retryMs);
      }
    } finally {
      done();
    }
    await wait(slotMs);
  };

  return {
    acquire(priority: RequestPriority = "person") {
      return priority === "person" ? person() : background();
    },
    close() {
      closed = true;
      for (const next of [...turns.person.splice(0), ...turns.background.splice(0)]) next();
      fallback.close();
      for (const wake of peopleGone.splice(0)) wake();
      // Waiting requests go ahead: the process is shutting down.
      for (const [timer, resolve] of sleeping) {
        clearTimeout(timer);
        resolve();
      }
      sleeping.clear();
    },
    async end() {
      this.close();
      await schedule.end();
    },
  };
}
