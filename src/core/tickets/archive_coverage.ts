/**
 * Which parts of a ticket's life the live archive may have missed. The archive
 * is complete for a guild while a gateway session of its shard was connected:
 * a RESUME replays what a short disconnect missed, so only a new IDENTIFY, an
 * outage or a stopped bot leaves a gap. A close fetches Discord's history only
 * for those gaps, widened by a margin for clocks that disagree a little.
 */
import type { GuildId, MessageId } from "../ids.ts";
import type { GatewaySession } from "../ports.ts";

/** A time span, `from` before `to`. */
export interface Span {
  from: Date;
  to: Date;
}

/** Options of `archiveGaps`. */
export interface GapOptions {
  now: Date;
  /**
   * A live session seen this recently still covers until now (its process renews
   * `seenAt` more often than that); an older one covers only until it was seen.
   */
  liveWithinMs: number;
  /** Each gap is widened by this much on both sides. */
  marginMs: number;
}

const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** The shard that receives `guildId`'s events out of `shardCount`, as Discord assigns it. */
export function shardOf(guildId: GuildId, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

/** The smallest snowflake of time `at`: `after` it means "from `at` on". */
export function snowflakeAt(at: Date): MessageId {
  const ms = Math.max(0, at.getTime() - DISCORD_EPOCH_MS);
  return ((BigInt(ms) << 22n) - (ms > 0 ? 1n : 0n)).toString() as MessageId;
}

/** The spans of `span` that no session of `guildId`'s shard covered, widened and merged. */
export function archiveGaps(
  sessions: readonly GatewaySession[],
  guildId: GuildId,
  span: Span,
  options: GapOptions,
): Span[] {
  const now = options.now.getTime();
  const covered = sessions
    .filter((s) => s.shardId === shardOf(guildId, s.shardCount))
    .map((s) => {
      const fresh = s.live && now - s.seenAt.getTime() <= options.liveWithinMs;
      return { from: s.startedAt.getTime(), to: fresh ? now : s.seenAt.getTime() };
    })
    .filter((c) => c.to > c.from)
    .sort((a, b) => a.from - b.from);

  const start = span.from.getTime();
  const end = span.to.getTime();
  const gaps: Array<{ from: number; to: number }> = [];
  let cursor = start;
  for (const c of covered) {
    if (c.to <= cursor) continue;
    if (c.from > cursor) gaps.push({ from: cursor, to: Math.min(c.from, end) });
    cursor = Math.max(cursor, c.to);
    if (cursor >= end) break;
  }
  if (cursor < end) gaps.push({ from: cursor, to: end });

  const merged: Array<{ from: number; to: number }> = [];
  for (const gap of gaps) {
    if (gap.to <= gap.from) continue;
    const from = Math.max(start, gap.from - options.marginMs);
    const to = Math.min(end, gap.to + options.marginMs);
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged.map((g) => ({ from: new Date(g.from), to: new Date(g.to) }));
}
