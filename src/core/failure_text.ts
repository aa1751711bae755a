/**
 * The one table from a Discord failure to words: the sentence a member reads as
 * a refusal, and the short reason a longer sentence quotes ("I could not finish
 * closing ticket #4: …").
 */
import type { DiscordFailure } from "./discord_failure.ts";
import { type Refusal, type RefusalCode, refuse } from "./refusal.ts";

/** Where the failure happened, for the words that name it. */
export interface FailureTextOptions {
  /** What the bot was doing, e.g. "to create your ticket channel" (default "here"). */
  doing?: string;
}

interface FailureWords {
  /** The refusal a member reads; absent when the failure needs the apology instead. */
  refusal?: (failure: DiscordFailure, doing: string) => { code: RefusalCode; text: string };
  /** A clause naming what failed in `where` (e.g. "the log channel"), no full stop. */
  reason: (failure: DiscordFailure, where: string) => string;
}

const seconds = (failure: DiscordFailure) =>
  failure.kind === "rate_limited" ? Math.max(1, Math.ceil(failure.retryAfterMs / 1000)) : 60;

const refusedRequest = (failure: DiscordFailure, where: string) =>
  `Discord refused a request for ${where} (${failure.kind})`;

const LACKING_PERMISSION = (_: DiscordFailure, doing: string) => ({
  code: "bot_missing_permissions" as const,
  text:
    `I lack a permission I need ${doing} (Manage Channels / Manage Roles / View Channel). Ask an admin to run \`ticketeer check\` or fix my role.`,
});

const TABLE: { readonly [K in DiscordFailure["kind"]]: FailureWords } = {
  missing_permissions: {
    refusal: LACKING_PERMISSION,
    reason: (_, where) =>
      `the bot lacks a permission it needs in ${where}; give it View Channel, Send Messages, Attach Files and Manage Channels there`,
  },
  missing_access: {
    refusal: LACKING_PERMISSION,
    reason: (_, where) => `the bot cannot see ${where}; give it View Channel there`,
  },
  unknown_channel: {
    refusal: () => ({ code: "channel_missing", text: "That channel no longer exists." }),
    reason: (_, where) =>
      where === "the log channel"
        ? "the log channel no longer exists; choose another one with `/config set`"
        : `${where} no longer exists`,
  },
  unknown_member: {
    refusal: () => ({ code: "member_missing", text: "That user is not a member of this server." }),
    reason: refusedRequest,
  },
  unknown_role: {
    refusal: () => ({ code: "invalid_value", text: "That role no longer exists." }),
    reason: refusedRequest,
  },
  unknown_message: {
    refusal: () => ({ code: "unknown_component", text: "That message no longer exists." }),
    reason: refusedRequest,
  },
  guild_channel_limit: {
    refusal: () => ({
      code: "guild_channel_limit",
      text: "This server has reached Discord's limit of 500 channels. Ask an admin to delete some.",
    }),
    reason: refusedRequest,
  },
  category_full: {
    refusal: () => ({
      code: "guild_channel_limit",
      text:
        "That category already holds Discord's maximum of 50 channels. Ask an admin to choose another one.",
    }),
    reason: refusedRequest,
  },
  cannot_dm: {
    refusal: () => ({
      code: "not_allowed",
      text: "That member does not accept direct messages from me.",
    }),
    reason: () => "the opener does not accept direct messages",
  },
  rate_limited: {
    refusal: (failure) => ({
      code: "rate_limited",
      text: `Discord asked me to slow down. Please try again in ${seconds(failure)} seconds.`,
    }),
    reason: () => "Discord is rate limiting the bot; wait a minute",
  },
  unavailable: {
    refusal: () => ({
      code: "discord_unavailable",
      text: "Discord is not answering right now. Please try again in a minute.",
    }),
    reason: () => "Discord is not answering right now; try again in a few minutes",
  },
  other: {
    reason: refusedRequest,
  },
};

/** The refusal a member reads for `failure`; null when only the apology fits. */
export function failureRefusal(
  failure: DiscordFailure,
  options: FailureTextOptions = {},
): Refusal | null {
  const words = TABLE[failure.kind].refusal?.(failure, options.doing ?? "here");
  return words === undefined ? null : refuse(words.code, words.text);
}

/** A short clause saying why a request about `where` failed (no full stop). */
export function failureReason(failure: DiscordFailure, where: string): string {
  return TABLE[failure.kind].reason(failure, where);
}
