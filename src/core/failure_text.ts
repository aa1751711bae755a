/**
 * The one table from a Discord failure to words: the sentence a member reads as
 * a refusal, and the short reason a longer sentence quotes ("I could not finish
 * closing ticket #4: ..."). The words come from the catalog of the reader's language.
 */
import type { DiscordFailure } from "./discord_failure.ts";
import { type Refusal, type RefusalCode, refuse } from "./refusal.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale.ts";
import { type Translator, translator } from "../i18n/translator.ts";

/** Where the failure happened, and in which language to say so. */
export interface FailureTextOptions {
  /** What the bot was doing: `create_channel` names it; anything else reads "here". */
  doing?: "create_channel" | "here";
  /** The reader's language (default English). */
  locale?: Locale;
}

interface FailureWords {
  /** The refusal a member reads; absent when the failure needs the apology instead. */
  refusal?: (failure: DiscordFailure, tr: Translator, doing: string) => {
    code: RefusalCode;
    text: string;
  };
  /** A clause naming what failed in `where` (e.g. "the log channel"), no full stop. */
  reason: (failure: DiscordFailure, tr: Translator, where: string) => string;
}

const seconds = (failure: DiscordFailure) =>
  failure.kind === "rate_limited" ? Math.max(1, Math.ceil(failure.retryAfterMs / 1000)) : 60;

const refusedRequest = (failure: DiscordFailure, tr: Translator, where: string) =>
  tr.t("reason.refused", { where, kind: failure.kind });

const LACKING_PERMISSION = (_: DiscordFailure, tr: Translator, doing: string) => ({
  code: "bot_missing_permissions" as const,
  text: tr.t("failure.missing_permissions", { doing }),
});

const TABLE: { readonly [K in DiscordFailure["kind"]]: FailureWords } = {
  missing_permissions: {
    refusal: LACKING_PERMISSION,
    reason: (_, tr, where) => tr.t("reason.missing_permissions", { where }),
  },
  missing_access: {
    refusal: LACKING_PERMISSION,
    reason: (_, tr, where) => tr.t("reason.missing_access", { where }),
  },
  unknown_channel: {
    refusal: (_, tr) => ({ code: "channel_missing", text: tr.t("failure.unknown_channel") }),
    reason: (_, tr, where) =>
      where === tr.t("close.where.log_channel")
        ? tr.t("reason.log_channel_gone")
        : tr.t("reason.gone", { where }),
  },
  unknown_member: {
    refusal: (_, tr) => ({ code: "member_missing", text: tr.t("failure.unknown_member") }),
    reason: refusedRequest,
  },
  unknown_role: {
    refusal: (_, tr) => ({ code: "invalid_value", text: tr.t("failure.unknown_role") }),
    reason: refusedRequest,
  },
  unknown_message: {
    refusal: (_, tr) => ({ code: "unknown_component", text: tr.t("failure.unknown_message") }),
    reason: refusedRequest,
  },
  guild_channel_limit: {
    refusal: (_, tr) => ({
      code: "guild_channel_limit",
      text: tr.t("failure.guild_channel_limit"),
    }),
    reason: refusedRequest,
  },
  category_full: {
    refusal: (_, tr) => ({ code: "guild_channel_limit", text: tr.t("failure.category_full") }),
    reason: refusedRequest,
  },
  cannot_dm: {
    refusal: (_, tr) => ({ code: "not_allowed", text: tr.t("failure.cannot_dm") }),
    reason: (_, tr) => tr.t("reason.cannot_dm"),
  },
  rate_limited: {
    refusal: (failure, tr) => ({
      code: "rate_limited",
      text: tr.t("failure.rate_limited", { seconds: seconds(failure) }),
    }),
    reason: (_, tr) => tr.t("reason.rate_limited"),
  },
  unavailable: {
    refusal: (_, tr) => ({ code: "discord_unavailable", text: tr.t("failure.unavailable") }),
    reason: (_, tr) => tr.t("reason.unavailable"),
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
  const tr = translator(options.locale ?? DEFAULT_LOCALE);
  const words = TABLE[failure.kind].refusal?.(failure, tr, options.doing ?? "here");
  return words === undefined ? null : refuse(words.code, words.text);
}

/** A short clause saying why a request about `where` failed (no full stop). */
export function failureReason(
  failure: DiscordFailure,
  where: string,
  options: { locale?: Locale } = {},
): string {
  return TABLE[failure.kind].reason(failure, translator(options.locale ?? DEFAULT_LOCALE), where);
}
