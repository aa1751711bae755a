/** What erasure leaves of a message: its place and times, without the member's words. */

/** The text shown where an erased member's words were. */
export const REMOVED = "[removed]";

type Raw = Record<string, unknown>;

function redactUser(user: unknown, userId: string): unknown {
  if (typeof user !== "object" || user === null) return user;
  const u = user as Raw;
  if (u.id !== userId) return user;
  return { id: userId, username: REMOVED, global_name: REMOVED, avatar: null };
}

/**
 * `payload` (Discord's message JSON) with `userId`'s words, files and name
 * removed: their own message keeps only its id, times and "[removed]"; a reply
 * to them loses the quoted words. Unreadable payloads become an empty message.
 */
export function redactPayload(payload: string, userId: string): string {
  let raw: Raw;
  try {
    raw = JSON.parse(payload) as Raw;
  } catch {
    return JSON.stringify({ content: REMOVED });
  }
  const author = raw.author as Raw | undefined;
  let out: Raw = { ...raw };
  if (author?.id === userId) {
    out = {
      ...raw,
      content: REMOVED,
      author: redactUser(author, userId),
      attachments: [],
      embeds: [],
      components: [],
      sticker_items: [],
      poll: undefined,
    };
    delete out.member;
    delete out.poll;
  }
  const referenced = out.referenced_message as Raw | null | undefined;
  if (referenced && (referenced.author as Raw | undefined)?.id === userId) {
    out.referenced_message = JSON.parse(redactPayload(JSON.stringify(referenced), userId));
  }
  if (Array.isArray(out.mentions)) {
    out.mentions = out.mentions.map((m) => redactUser(m, userId));
  }
  return JSON.stringify(out);
}
