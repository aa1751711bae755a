/** A thread channel as Discord's REST and gateway show it. */
import type { FakeChannel, FakeThread } from "./types.ts";

/** Discord's private thread type. */
const PRIVATE_THREAD = 12;

/** The thread's JSON: a channel with `owner_id`, counts and `thread_metadata`. */
export function threadJson(thread: FakeChannel & { thread: FakeThread }): Record<string, unknown> {
  const meta = thread.thread;
  return {
    id: thread.id,
    type: thread.type,
    guild_id: thread.guild_id,
    name: thread.name,
    parent_id: thread.parent_id,
    owner_id: meta.owner_id,
    last_message_id: thread.last_message_id,
    flags: 0,
    rate_limit_per_user: 0,
    message_count: meta.message_count,
    member_count: Math.min(meta.members.length, 50),
    total_message_sent: meta.message_count,
    thread_metadata: {
      archived: meta.archived,
      archive_timestamp: meta.archive_timestamp,
      auto_archive_duration: meta.auto_archive_duration,
      locked: meta.locked,
      create_timestamp: meta.create_timestamp,
      ...(thread.type === PRIVATE_THREAD ? { invitable: meta.invitable } : {}),
    },
  };
}
