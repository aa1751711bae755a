/**
 * The thread part of the `DiscordPort` over discordeno REST: starting a private
 * thread, its members, archiving and unarchiving it, and listing a guild's active ones.
 */
import type { ChannelId, GuildId, UserId } from "../../core/ids.ts";
import type { DiscordPort, NewThread } from "../../core/discord_port.ts";
import type { CallOptions } from "./rest_failure.ts";
import { type Json, toChannel } from "./discord_json.ts";

/** One REST call as the port makes it. */
export type PortCall = <T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  route: string,
  options?: CallOptions<T>,
) => Promise<T>;

/** Discord's private thread channel type. */
const PRIVATE_THREAD = 12;

/** The thread methods of the port, over `call`. */
export function threadRequests(
  call: PortCall,
): Pick<
  DiscordPort,
  | "createPrivateThread"
  | "addThreadMember"
  | "removeThreadMember"
  | "archiveThread"
  | "unarchiveThread"
  | "activeThreads"
> {
  return {
    async createPrivateThread(parent: ChannelId, thread: NewThread) {
      const body: Json = {
        name: thread.name,
        type: PRIVATE_THREAD,
        invitable: false,
        auto_archive_duration: thread.autoArchiveMinutes ?? 10080,
      };
      // A thread has no mark a retry could find it by (threads are not listed with
      // the guild's channels), so a create whose answer was lost is not repeated.
      const created = await call<Json>("POST", `/channels/${parent}/threads`, {
        body,
        retryUnanswered: false,
      });
      return toChannel(created);
    },

    async addThreadMember(thread: ChannelId, user: UserId) {
      await call("PUT", `/channels/${thread}/thread-members/${user}`);
    },

    async removeThreadMember(thread: ChannelId, user: UserId) {
      await call("DELETE", `/channels/${thread}/thread-members/${user}`);
    },

    async archiveThread(thread: ChannelId, options: { locked: boolean; reason?: string }) {
      await call("PATCH", `/channels/${thread}`, {
        body: { archived: true, locked: options.locked },
        ...(options.reason === undefined ? {} : { reason: options.reason }),
      });
    },

    async unarchiveThread(thread: ChannelId) {
      await call("PATCH", `/channels/${thread}`, { body: { archived: false, locked: false } });
    },

    async activeThreads(guild: GuildId) {
      const answer = await call<{ threads?: Json[] }>("GET", `/guilds/${guild}/threads/active`);
      return (answer.threads ?? []).map((raw) => toChannel(raw, guild));
    },
  };
}
