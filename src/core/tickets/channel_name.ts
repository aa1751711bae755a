/** Channel names from the naming scheme, sanitised to Discord's channel-name rules. */

/** Longest channel name Discord accepts. */
export const MAX_CHANNEL_NAME_LENGTH = 100;

/** Tokens a naming scheme may use. */
export const SCHEME_TOKENS = ["{number}", "{username}", "{user_id}"] as const;

/** Values for the scheme's tokens. */
export interface NameParts {
  number: number;
  username: string;
  userId: string;
}

/**
 * Lowercases, turns spaces and characters Discord refuses into `-`, collapses
 * runs of dashes, trims dashes from both ends and cuts to 100 characters.
 */
export function sanitizeChannelName(raw: string): string {
  const dashed = raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code points so a surrogate pair is never split, then trim again.
  return Array.from(dashed).slice(0, MAX_CHANNEL_NAME_LENGTH).join("").replace(/-+$/, "");
}

/** Tokens in `scheme` that are not one of `{number}` `{username}` `{user_id}`. */
export function unknownTokens(scheme: string): string[] {
  const found = scheme.match(/\{[^{}]*\}/g) ?? [];
  return found.filter((token) => !(SCHEME_TOKENS as readonly string[]).includes(token));
}

/** Fills the scheme's tokens and sanitises the result (may be empty for a bad scheme). */
export function renderScheme(scheme: string, parts: NameParts): string {
  return sanitizeChannelName(
    scheme
      .replaceAll("{number}", String(parts.number))
      .replaceAll("{username}", parts.username)
      .replaceAll("{user_id}", parts.userId),
  );
}

/**
 * Why `scheme` is unusable, or null when every member gets a non-empty name
 * (checked with an empty username, the worst case after sanitising).
 */
export function schemeProblem(scheme: string): string | null {
  const unknown = unknownTokens(scheme);
  if (unknown.length > 0) {
    return `unknown token ${unknown[0]}; use {number}, {username} or {user_id}`;
  }
  if (renderScheme(scheme, { number: 1, username: "", userId: "1" }) === "") {
    return "it gives an empty channel name once spaces and symbols are removed";
  }
  return null;
}

/** The channel name of a ticket; falls back to `ticket-<number>` if the scheme yields nothing. */
export function channelName(scheme: string, parts: NameParts): string {
  const name = renderScheme(scheme, parts);
  return name === "" ? `ticket-${parts.number}` : name;
}
