/**
 * User-facing refusals as values: a stable code and a short text that says what
 * to do. Only bugs and outages throw; the dispatcher answers those with a generic
 * apology and an error id.
 */
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale.ts";
import { translator } from "../i18n/translator.ts";

/** Why a request was refused, for logs and tests (the member reads `text`). */
export type RefusalCode =
  | "not_in_guild"
  | "not_admin"
  | "not_staff"
  | "not_allowed"
  | "not_a_ticket"
  | "ticket_closed"
  | "ticket_limit"
  | "ticket_cap"
  | "cooldown"
  | "blocked_role"
  | "missing_role"
  | "outside_hours"
  | "unknown_type"
  | "type_name_taken"
  | "too_many_types"
  | "type_has_tickets"
  | "type_is_default"
  | "unknown_tag"
  | "tag_name_taken"
  | "not_configured"
  | "invalid_value"
  | "unknown_component"
  | "bot_missing_permissions"
  | "channel_missing"
  | "guild_channel_limit"
  | "member_missing"
  | "already_member"
  | "not_member"
  | "cannot_remove"
  | "already_claimed"
  | "not_claimed"
  | "rate_limited"
  | "discord_unavailable"
  | "close_failed"
  | "unknown_ticket"
  | "ticket_open"
  | "ticket_expired"
  | "not_supported"
  | "request_expired"
  | "busy"
  | "feedback_not_open"
  | "already_rated"
  | "internal_error";

/** A user-facing refusal: rendered as a short ephemeral embed. */
export interface Refusal {
  kind: "refused";
  code: RefusalCode;
  text: string;
}

/** What a member reads when something failed on our side; staff find `errorId` in the log. */
export function apologyText(errorId: string, options: { locale?: Locale } = {}): string {
  return translator(options.locale ?? DEFAULT_LOCALE).t("apology", { errorId });
}

/** A refusal reply: `code` is for logs and tests, `text` is what the member reads. */
export function refuse(code: RefusalCode, text: string): Refusal {
  return { kind: "refused", code, text };
}
