/**
 * One retention pass: closed tickets whose type's retention ran out lose their
 * content, and guilds the bot left more than 30 days ago lose all their data.
 * The time is the shared (database) clock's, so processes on machines whose
 * clocks disagree still agree on what is due.
 */
import type { Logger } from "@logtape/logtape";
import type { RetentionStore, SharedClock } from "../ports.ts";

/** How long a guild's data is kept after the bot was removed from it. */
export const GUILD_KEPT_DAYS = 30;

const DAY_MS = 86_400_000;

/** Tickets or guilds handled per query. */
const BATCH = 100;

/** What a pass deleted. */
export interface RetentionSummary {
  /** Tickets whose transcript, archive and attachments were deleted. */
  expiredTickets: number;
  /** Guilds whose every row was deleted. */
  purgedGuilds: number;
  /** Tickets or guilds that failed this time (logged; the next pass tries again). */
  failures: number;
}

/** What a pass needs. */
export interface RetentionContext {
  retention: RetentionStore;
  databaseClock: SharedClock;
  log: Logger;
}

/**
 * Runs `work` on batches of `next()` until a batch is short or nothing in it was
 * done here (what failed would only come back; what another process did is gone).
 */
async function drain<T>(
  next: () => Promise<T[]>,
  work: (item: T) => Promise<boolean>,
  onError: (item: T, error: unknown) => void,
): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (;;) {
    const batch = await next();
    let progressed = false;
    for (const item of batch) {
      try {
        if (await work(item)) {
          done++;
          progressed = true;
        }
      } catch (error) {
        failed++;
        onError(item, error);
      }
    }
    if (batch.length < BATCH || !progressed) return { done, failed };
  }
}

/** Deletes what retention no longer keeps; never throws for one ticket or guild. */
export async function runRetention(ctx: RetentionContext): Promise<RetentionSummary> {
  const now = await ctx.databaseClock.now();
  const tickets = await drain(
    () => ctx.retention.ticketsDue(now, BATCH),
    (id) => ctx.retention.expireTicket(id, now),
    (id, error) => ctx.log.error("Cannot expire ticket {id}: {error}", { id, error }),
  );
  const leftBefore = new Date(now.getTime() - GUILD_KEPT_DAYS * DAY_MS);
  const guilds = await drain(
    () => ctx.retention.guildsLeftBefore(leftBefore, BATCH),
    (guildId) => ctx.retention.purgeGuild(guildId, leftBefore),
    (guildId, error) =>
      ctx.log.error("Cannot delete the data of guild {guildId}: {error}", { guildId, error }),
  );
  return {
    expiredTickets: tickets.done,
    purgedGuilds: guilds.done,
    failures: tickets.failed + guilds.failed,
  };
}
