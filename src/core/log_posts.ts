/**
 * Posts to a guild's log channel, coalesced: while one post to a channel is on
 * its way, the lines that come meanwhile wait and then go together in one
 * message (at most `maxLines` lines and 2,000 characters each), in their order.
 * One instance per process; nothing about tickets depends on it, so several
 * processes each coalesce their own posts.
 */
import type { ChannelId } from "./ids.ts";
import type { DiscordPort } from "./discord_port.ts";

/** Discord's limit of characters in a message's content. */
const MAX_CONTENT = 2000;

/** Posts log lines to channels. */
export interface LogPoster {
  /** Posts `line` to `channelId`; resolves once the message holding it is sent. */
  post(channelId: ChannelId, line: string): Promise<void>;
}

/** Options of `logPoster`. */
export interface LogPosterOptions {
  /** Most lines merged into one message (default 20). */
  maxLines?: number;
}

interface Waiting {
  line: string;
  done: PromiseWithResolvers<void>;
}

/** Lines from the front of `queue` that fit one message. */
function takeBatch(queue: Waiting[], maxLines: number): Waiting[] {
  const batch: Waiting[] = [];
  let length = 0;
  while (batch.length < maxLines && queue.length > 0) {
    const next = queue[0]!;
    const added = (batch.length === 0 ? 0 : 1) + next.line.length;
    if (batch.length > 0 && length + added > MAX_CONTENT) break;
    batch.push(queue.shift()!);
    length += added;
  }
  return batch;
}

/** A `LogPoster` sending through `discord`. */
export function logPoster(
  discord: Pick<DiscordPort, "sendMessage">,
  options: LogPosterOptions = {},
): LogPoster {
  const maxLines = options.maxLines ?? 20;
  const queues = new Map<ChannelId, Waiting[]>();

  async function drain(channelId: ChannelId, queue: Waiting[]): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch(queue, maxLines);
      try {
        await discord.sendMessage(channelId, {
          content: batch.map((w) => w.line).join("\n").slice(0, MAX_CONTENT),
          allowed_mentions: { parse: [] },
        });
        for (const waiting of batch) waiting.done.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.done.reject(error);
      }
    }
    queues.delete(channelId);
  }

  return {
    post(channelId, line) {
      const waiting: Waiting = { line: line.slice(0, MAX_CONTENT), done: Promise.withResolvers() };
      const queue = queues.get(channelId);
      if (queue !== undefined) {
        queue.push(waiting);
      } else {
        const fresh = [waiting];
        queues.set(channelId, fresh);
        void drain(channelId, fresh);
      }
      return waiting.done.promise;
    },
  };
}
