/**
 * Adding and removing thread members when Discord may have archived the thread
 * after a quiet week (its auto-archive): an archived thread refuses both (50083),
 * so it is unarchived and the change made again. A locked thread stays refused.
 */
import type { DiscordPort } from "../discord_port.ts";
import type { ChannelId, UserId } from "../ids.ts";
import { DiscordRequestError } from "../discord_failure.ts";

/** Discord's code for an operation on an archived thread. */
const ARCHIVED_THREAD = 50083;

type ThreadPort = Pick<DiscordPort, "addThreadMember" | "removeThreadMember" | "unarchiveThread">;

async function unarchivingOnce(
  discord: ThreadPort,
  threadId: ChannelId,
  change: () => Promise<void>,
): Promise<void> {
  try {
    await change();
  } catch (error) {
    const archived = error instanceof DiscordRequestError && error.failure.kind === "other" &&
      error.failure.code === ARCHIVED_THREAD;
    if (!archived) throw error;
    await discord.unarchiveThread(threadId);
    await change();
  }
}

/** Adds `userId` to the thread, unarchiving it first when Discord archived it. */
export function addToThread(discord: ThreadPort, threadId: ChannelId, userId: UserId) {
  return unarchivingOnce(discord, threadId, () => discord.addThreadMember(threadId, userId));
}

/** Removes `userId` from the thread, unarchiving it first when Discord archived it. */
export function removeFromThread(discord: ThreadPort, threadId: ChannelId, userId: UserId) {
  return unarchivingOnce(discord, threadId, () => discord.removeThreadMember(threadId, userId));
}
