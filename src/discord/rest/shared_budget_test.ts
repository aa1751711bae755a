import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { openDatabase } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import type { DatabaseTarget } from "../../db/target.ts";
import { DIALECTS, type TestDialect } from "../../../tests/fixtures/dialects.ts";
import { ASKING_AT_ONCE, createSharedBudget, sharedBudgetOver } from "./shared_budget.ts";
import {
  createDatabaseSchedule,
  decideSlot,
  MAX_AHEAD_US,
  type Schedule,
  SCHEDULE_RATE,
  SLOT_INTERVAL_US,
  type Taken,
} from "./request_schedule.ts";
import type { RequestPriority } from "./request_priority.ts";

const log = getLogger(["ticketeer", "test"]);

/** The most timestamps inside any window of `windowMs` starting at one of them. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** The schedule's rule over one row kept in this process, on this process's clock. */
function memorySchedule(): Schedule {
  let next = 0;
  return {
    take(priority) {
      const decision = decideSlot(
        { nextSlotUs: next, nowUs: Math.round(performance.now() * 1000) },
        priority,
      );
      if (decision.nextSlotUs !== null) next = decision.nextSlotUs;
      return Promise.resolve(decision.taken);
    },
    end: () => Promise.resolve(),
  };
}

type ServerTarget = Exclude<DatabaseTarget, { kind: "sqlite" }>;

/** Runs `fn` with a migrated, isolated database of `dialect` and `count` budgets on it. */
async function withServer(
  dialect: TestDialect,
  fn: (target: ServerTarget, options: { postgresSchema?: string }) => Promise<void>,
): Promise<void> {
  const isolated = await dialect.isolate();
  const handle = await openDatabase(isolated.target, isolated.options);
  try {
    await migrateToLatest(handle);
    const target = isolated.target;
    if (target.kind === "sqlite") throw new Error("Cannot share a budget on SQLite");
    const schema = isolated.options.postgresSchema;
    await fn(target, schema === undefined ? {} : { postgresSchema: schema });
  } finally {
    await handle.close();
    await isolated.drop();
  }
}

for (const dialect of DIALECTS.filter((d) => d.name !== "sqlite")) {
  const ignore = dialect.skip !== null && Deno.env.get("CI") !== "true";

  Deno.test({
    name:
      `four processes sharing one budget send at most 50 requests in any second [${dialect.name}]`,
    ignore,
    async fn() {
      await withServer(dialect, async (target, options) => {
        const budgets = [];
        try {
          for (let i = 0; i < 4; i++) {
            budgets.push(await createSharedBudget(target, { log, ...options }));
          }
          const sent: number[] = [];
          // 4 x 25 requests at once: alone, each process's own pacer would let all 100 go at once.
          await Promise.all(budgets.flatMap((budget) =>
            Array.from({ length: 25 }, async () => {
              await budget.acquire();
              sent.push(performance.now());
            })
          ));
          assert.equal(sent.length, 100);
          const most = busiestWindow(sent, 1000);
          assert.ok(most <= 50, `${most} requests went in one second`);
        } finally {
          for (const budget of budgets) await budget.end();
        }
      });
    },
  });

  Deno.test({
    name:
      `two schedules on one database hand out slots one interval apart, ${SCHEDULE_RATE} a second [${dialect.name}]`,
    ignore,
    async fn() {
      await withServer(dialect, async (target, options) => {
        const schedules = [
          await createDatabaseSchedule(target, options),
          await createDatabaseSchedule(target, options),
        ];
        try {
          const taken: Taken[] = await Promise.all(
            schedules.flatMap((schedule) =>
              Array.from({ length: 60 }, () => schedule.take("person"))
            ),
          );
          const slots = taken.map((t) => {
            if (t.kind !== "slot") throw new Error("A person's request got no slot");
            assert.ok(t.waitMs >= 0 && t.slotUs >= t.nowUs);
            return t.slotUs;
          }).sort((a, b) => a - b);
          for (let i = 1; i < slots.length; i++) {
            assert.ok(
              slots[i]! - slots[i - 1]! >= SLOT_INTERVAL_US,
              `slots ${i - 1} and ${i} are ${slots[i]! - slots[i - 1]!} us apart`,
            );
          }
          // So no sliding second holds more than the rate and one.
          const most = busiestWindow(slots, 1_000_000);
          assert.ok(most <= SCHEDULE_RATE + 1, `${most} slots in one second`);
        } finally {
          for (const schedule of schedules) await schedule.end();
        }
      });
    },
  });

  Deno.test({
    name:
      `two processes sharing one budget never go over ${SCHEDULE_RATE} a second, spaced evenly [${dialect.name}]`,
    ignore,
    async fn() {
      await withServer(dialect, async (target, options) => {
        const budgets = [
          await createSharedBudget(target, { log, ...options }),
          await createSharedBudget(target, { log, ...options }),
        ];
        try {
          const sent: number[] = [];
          await Promise.all(budgets.flatMap((budget) =>
            Array.from({ length: 50 }, async () => {
              await budget.acquire();
              sent.push(performance.now());
            })
          ));
          // The slots are exact (the test above); the timers that wait for them run a
          // little late on a busy machine, so a second may see one or two more.
          const most = busiestWindow(sent, 1000);
          assert.ok(most <= SCHEDULE_RATE + 3, `${most} requests went in one second`);
          const span = Math.max(...sent) - Math.min(...sent);
          assert.ok(span >= (100 - SCHEDULE_RATE - 3) * 1000 / SCHEDULE_RATE, `all in ${span} ms`);
        } finally {
          for (const budget of budgets) await budget.end();
        }
      });
    },
  });

  Deno.test({
    name:
      `a background request of one process waits for people's requests of the others [${dialect.name}]`,
    ignore,
    async fn() {
      await withServer(dialect, async (target, options) => {
        const [busy, quiet, late] = [
          await createSharedBudget(target, { log, ...options }),
          await createSharedBudget(target, { log, ...options }),
          await createSharedBudget(target, { log, ...options }),
        ];
        try {
          const order: string[] = [];
          // About 0.9 s of the schedule for people in one process...
          const people = Array.from(
            { length: 40 },
            (_, i) => busy.acquire("person").then(() => order.push(`person ${i}`)),
          );
          await new Promise((resolve) => setTimeout(resolve, 100));
          // ...a background request in another, then a person in a third, later still.
          const background = quiet.acquire("background").then(() => order.push("background"));
          await new Promise((resolve) => setTimeout(resolve, 100));
          const person = late.acquire("person").then(() => order.push("late person"));
          await Promise.all([...people, background, person]);
          assert.equal(order.at(-1), "background", order.join(", "));
        } finally {
          for (const budget of [busy, quiet, late]) await budget.end();
        }
      });
    },
  });
}

for (const kind of ["postgres", "mysql"] as const) {
  Deno.test(`createSharedBudget() paces the process alone when ${kind} cannot be reached`, async () => {
    const url = kind === "postgres"
      ? "postgres://postgres@127.0.0.1:1/test"
      : "mysql://root@127.0.0.1:1/test";
    const budget = await createSharedBudget({ kind, url }, { log, timeoutMs: 500 });
    try {
      const started = performance.now();
      await Promise.all(Array.from({ length: 10 }, () => budget.acquire()));
      await budget.acquire("background");
      assert.ok(performance.now() - started < 5000);
    } finally {
      await budget.end();
    }
  });
}

Deno.test("decideSlot() spaces slots one interval apart and starts an idle schedule now", () => {
  const idle = decideSlot({ nextSlotUs: 0, nowUs: 5_000_000 }, "person");
  assert.deepEqual(idle.taken, { kind: "slot", slotUs: 5_000_000, nowUs: 5_000_000, waitMs: 0 });
  assert.equal(idle.nextSlotUs, 5_000_000 + SLOT_INTERVAL_US);
  const queued = decideSlot({ nextSlotUs: 5_100_000, nowUs: 5_000_000 }, "person");
  assert.deepEqual(queued.taken, {
    kind: "slot",
    slotUs: 5_100_000,
    nowUs: 5_000_000,
    waitMs: 100,
  });
  assert.equal(queued.nextSlotUs, 5_100_000 + SLOT_INTERVAL_US);
});

Deno.test("decideSlot() gives background requests a slot only while the schedule is nearly idle", () => {
  const nowUs = 5_000_000;
  const nearlyIdle = decideSlot({ nextSlotUs: nowUs + SLOT_INTERVAL_US, nowUs }, "background");
  assert.equal(nearlyIdle.taken.kind, "slot");
  const busy = decideSlot({ nextSlotUs: nowUs + 500_000, nowUs }, "background");
  assert.deepEqual(busy.taken, {
    kind: "busy",
    retryMs: Math.ceil((500_000 - SLOT_INTERVAL_US) / 1000),
  });
  assert.equal(busy.nextSlotUs, null);
});

Deno.test("decideSlot() starts again from now after the database's clock was set back", () => {
  const nowUs = 5_000_000;
  const decision = decideSlot({ nextSlotUs: nowUs + MAX_AHEAD_US + 1, nowUs }, "person");
  assert.deepEqual(decision.taken, { kind: "slot", slotUs: nowUs, nowUs, waitMs: 0 });
});

Deno.test("sharedBudgetOver() paces the process alone when the database fails", async () => {
  let calls = 0;
  const failing: Schedule = {
    take: () => {
      calls++;
      return Promise.reject(new Error("connection refused"));
    },
    end: () => Promise.resolve(),
  };
  const budget = sharedBudgetOver(failing, { log });
  try {
    await Promise.all(Array.from({ length: 10 }, () => budget.acquire()));
    await budget.acquire("background");
    assert.equal(calls, 11);
  } finally {
    await budget.end();
  }
});

Deno.test("sharedBudgetOver() lets waiting requests go when it closes", async () => {
  const far: Schedule = {
    take: (priority: RequestPriority) =>
      Promise.resolve<Taken>(
        priority === "person"
          ? { kind: "slot", slotUs: 60_000_000, nowUs: 0, waitMs: 60_000 }
          : { kind: "busy", retryMs: 60_000 },
      ),
    end: () => Promise.resolve(),
  };
  const budget = sharedBudgetOver(far, { log });
  const waiting = [budget.acquire(), budget.acquire("background")];
  await new Promise((resolve) => setTimeout(resolve, 10));
  budget.close();
  await Promise.all(waiting);
});

Deno.test("sharedBudgetOver() lets a person's request pass saturating background work", async () => {
  // Two processes on one schedule: the schedule is the database's row.
  const schedule = memorySchedule();
  const busy = sharedBudgetOver(schedule, { log });
  const asking = sharedBudgetOver(schedule, { log });
  try {
    let backgroundDone = 0;
    // Forty background requests: almost a second of the schedule.
    const background = Array.from(
      { length: 40 },
      () => busy.acquire("background").then(() => backgroundDone++),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const person = asking.acquire("person").then(() => backgroundDone);
    const before = await person;
    await Promise.all(background);
    // Those that went in its first 50 ms, and the one that had taken its slot.
    assert.ok(before <= 5, `${before} background requests went first`);
  } finally {
    await busy.end();
    await asking.end();
  }
});

Deno.test("sharedBudgetOver() serves one process's waiting requests in order, asking the database a few at a time", async () => {
  const inner = memorySchedule();
  let asked = 0;
  let askingAtOnce = 0;
  let mostAtOnce = 0;
  const counted: Schedule = {
    async take(priority) {
      asked++;
      mostAtOnce = Math.max(mostAtOnce, ++askingAtOnce);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return await inner.take(priority);
      } finally {
        askingAtOnce--;
      }
    },
    end: () => Promise.resolve(),
  };
  const budget = sharedBudgetOver(counted, { log });
  try {
    const order: number[] = [];
    const requests = 20;
    await Promise.all(
      Array.from(
        { length: requests },
        (_, i) => budget.acquire("person").then(() => order.push(i)),
      ),
    );
    assert.ok(mostAtOnce <= ASKING_AT_ONCE, `${mostAtOnce} asked the database at once`);
    // Each person's request asks once and waits for its slot.
    assert.equal(asked, requests);
    const late = order.findIndex((i, at) => i > at + ASKING_AT_ONCE);
    assert.equal(late, -1, `served out of order: ${order.join(", ")}`);
  } finally {
    await budget.end();
  }
});

Deno.test("sharedBudgetOver() asks again for a background request while the schedule is busy", async () => {
  const schedule = memorySchedule();
  let asked = 0;
  const counted: Schedule = {
    take(priority) {
      asked++;
      return schedule.take(priority);
    },
    end: () => Promise.resolve(),
  };
  const people = sharedBudgetOver(schedule, { log });
  const budget = sharedBudgetOver(counted, { log });
  try {
    // A third of a second of people's requests in another process.
    const filled = Array.from({ length: 15 }, () => people.acquire("person"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let last = false;
    const background = Array.from(
      { length: 3 },
      (_, i) => budget.acquire("background").then(() => (last = i === 2)),
    );
    await Promise.all([...filled, ...background]);
    assert.ok(last, "background requests were served out of order");
    // The first asked when busy, then when nearly idle; the others once each.
    assert.ok(asked >= 4 && asked <= 8, `${asked} questions`);
  } finally {
    await people.end();
    await budget.end();
  }
});
