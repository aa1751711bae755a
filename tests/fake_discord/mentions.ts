/**
 * Who a message notifies, as Discord decides it: a user or role mention counts
 * only when `allowed_mentions` lets it through, and a role mention only when the
 * role is mentionable or the author holds Mention Everyone in the channel.
 */
import type { FakeState } from "./state.ts";
import { channelPermissions } from "./permissions.ts";

const MENTION_EVERYONE = 1n << 17n;

/** The users and roles a message really mentions. */
export interface Mentions {
  users: string[];
  roles: string[];
}

function allowedList(allowed: Record<string, unknown> | null, kind: "users" | "roles") {
  if (allowed === null) return { all: true, ids: new Set<string>() };
  const parse = Array.isArray(allowed.parse) ? allowed.parse.map(String) : [];
  const ids = Array.isArray(allowed[kind]) ? allowed[kind].map(String) : [];
  return { all: parse.includes(kind), ids: new Set(ids) };
}

/** The mentions of `content` posted by `authorId` in `channelId` with `allowedMentions`. */
export function resolveMentions(
  state: FakeState,
  place: { channelId: string; authorId: string },
  message: { content: string; allowedMentions: unknown },
): Mentions {
  const raw = message.allowedMentions;
  const allowed = raw !== null && typeof raw === "object" && !Array.isArray(raw)
    ? raw as Record<string, unknown>
    : null;
  const users = allowedList(allowed, "users");
  const roles = allowedList(allowed, "roles");
  const mayPing = (channelPermissions(state, place.channelId, place.authorId) &
    MENTION_EVERYONE) !== 0n;
  const found = (pattern: RegExp) => [...message.content.matchAll(pattern)].map((m) => m[1]!);
  return {
    users: [...new Set(found(/<@!?(\d+)>/g))].filter((id) => users.all || users.ids.has(id)),
    roles: [...new Set(found(/<@&(\d+)>/g))].filter((id) =>
      (roles.all || roles.ids.has(id)) && (state.roles.get(id)?.mentionable === true || mayPing)
    ),
  };
}
