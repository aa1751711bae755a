/**
 * Before a close renders from the live archive, the spans the archive may have
 * missed (see `archive_coverage.ts`) are read from Discord's history and added
 * to it; their attachments are copied while the fetched links are fresh. A
 * fully archived ticket costs no history request at all.
 *
 * Discord answers a history read without Read Message History with an empty
 * list, not an error: an empty first page in a ticket whose archive holds
 * messages, or a close from a channel where the bot lacks that permission,
 * means the history is unreadable, and the archive is all there is.
 */
import type { HandlerContext } from "../context.ts";
import { type ChannelId, compareSnowflakes, type MessageId, snowflakeTime } from "../ids.ts";
import type { Ticket } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { archiveRecord } from "./archive_message.ts";
import { archiveGaps, snowflakeAt } from "./archive_coverage.ts";
import type { AttachmentKeeper } from "./close_attachments.ts";

const PAGE_SIZE = 100;
/**
 * Sessions renew `seenAt` every 10 s: one seen within 25 s is still connected. A
 * process that died less than that ago is taken for connected until then.
 */
export const LIVE_WITHIN_MS = 25_000;
/** Gaps are widened by a minute, for clocks that disagree a little with Discord's. */
export const GAP_MARGIN_MS = 60_000;

/** What reading the history found. */
export interface GapFill {
  /** False when the channel is gone or its history unreadable: the archive is all there is. */
  readable: boolean;
  /** History pages requested. */
  pages: number;
}

/** Options of `fillArchiveGaps`. */
export interface FillOptions {
  /** False when the bot is known to lack Read Message History in the channel. */
  canReadHistory: boolean;
  attachments: AttachmentKeeper;
}

/** Reads Discord's history for the spans the archive may lack, into the archive. */
export async function fillArchiveGaps(
  ticket: Ticket,
  ctx: HandlerContext,
  options: FillOptions,
): Promise<GapFill> {
  const channelId = ticket.channelId;
  if (channelId === null) return { readable: false, pages: 0 };
  const now = ctx.clock.now();
  // Never before the ticket's own start, whatever the clocks say.
  const end = new Date(Math.max(now.getTime(), ticket.createdAt.getTime() + 1));
  const sessions = await ctx.archive.sessions(ticket.createdAt);
  // The ticket's channel holds nothing older than the ticket.
  const gaps = archiveGaps(sessions, ticket.guildId, {
    from: ticket.createdAt,
    to: end,
  }, { now, liveWithinMs: LIVE_WITHIN_MS, marginMs: GAP_MARGIN_MS });
  if (gaps.length === 0) return { readable: true, pages: 0 };
  if (!options.canReadHistory) {
    ctx.log.warn(
      "Ticket {number}: the bot lacks Read Message History in its channel; the transcript comes from the live archive",
      { number: ticket.number },
    );
    return { readable: false, pages: 0 };
  }
  let pages = 0;
  for (const [index, gap] of gaps.entries()) {
    // A gap from the ticket's start reads from the channel's first message (the
    // channel is the ticket's own); one that reaches now reads to the last.
    const fromStart = gap.from.getTime() <= ticket.createdAt.getTime();
    const toEnd = gap.to.getTime() >= end.getTime();
    const read = await readSpan(
      ticket,
      channelId,
      {
        after: fromStart ? null : snowflakeAt(gap.from),
        until: toEnd ? null : gap.to.getTime(),
      },
      ctx,
      options.attachments,
    );
    pages += read.pages;
    if (read.gone) {
      ctx.log.warn(
        "Ticket {number}'s channel is gone; its transcript comes from the live archive",
        { number: ticket.number },
      );
      return { readable: false, pages };
    }
    if (index === 0 && fromStart && read.messages === 0 && await ctx.archive.count(ticket.id) > 0) {
      ctx.log.warn(
        "Ticket {number}: Discord gave an empty history for a ticket the live archive holds messages of (no Read Message History?); the transcript comes from the live archive",
        { number: ticket.number },
      );
      return { readable: false, pages };
    }
  }
  return { readable: true, pages };
}

async function readSpan(
  ticket: Ticket,
  channelId: ChannelId,
  bounds: { after: MessageId | null; until: number | null },
  ctx: HandlerContext,
  attachments: AttachmentKeeper,
): Promise<{ pages: number; messages: number; gone: boolean }> {
  let after = bounds.after;
  let pages = 0;
  let messages = 0;
  const past = (id: MessageId) =>
    bounds.until !== null && snowflakeTime(id).getTime() > bounds.until;
  for (;;) {
    let page;
    try {
      page = await ctx.discord.messagesAfter(channelId, after, PAGE_SIZE);
      pages++;
    } catch (error) {
      if (!isDiscordFailure(error, "unknown_channel")) throw error;
      return { pages, messages, gone: true };
    }
    const kept: typeof page = [];
    for (const message of page) {
      if (past(message.id)) break;
      kept.push(message);
      await attachments.keep(message.id, message.raw);
    }
    messages += kept.length;
    // A page in one transaction: on a SQLite file, a commit per message cost about
    // four times the inserts' own work.
    await ctx.atomically(async (stores) => {
      for (const message of kept) {
        await stores.archive.add(archiveRecord(ticket.id, message.raw, new Date(0)));
      }
    });
    const last = page[page.length - 1];
    if (page.length < PAGE_SIZE || last === undefined || past(last.id)) break;
    if (after !== null && compareSnowflakes(last.id, after) <= 0) break;
    after = last.id;
  }
  return { pages, messages, gone: false };
}
