/**
 * The value of `/type set setting:<setting> value:<text>` read as a change of
 * that setting: mentions or ids for channels and roles, `on`/`off`, numbers,
 * `none` to clear. The type schema then checks the rules.
 */
import type { ChannelId, RoleId } from "../ids.ts";
import type { TicketTypePatch } from "../model.ts";
import { parseQuestions } from "./question_syntax.ts";

/** Every setting `/type set` changes, in the order the command lists them. */
export const TYPE_SETTINGS = [
  "name",
  "emoji",
  "description",
  "category",
  "mode",
  "parent_channel",
  "staff_roles",
  "naming_scheme",
  "welcome_text",
  "questions",
  "max_open",
  "total_cap",
  "cooldown_minutes",
  "required_roles",
  "blocked_roles",
  "openers_may_add",
  "claim_mode",
  "support_hours",
  "auto_close",
  "close_when_opener_leaves",
  "feedback",
  "transcript_channel",
  "retention_days",
  "close_request_timeout_hours",
  "thread_close",
] as const;

/** A setting of `/type set`. */
export type TypeSetting = (typeof TYPE_SETTINGS)[number];

/** A change, or the setting's expected form when the text does not read as one. */
export type SettingValue = { patch: TicketTypePatch } | { expected: TypeSetting };

const NONE = /^(none|off|-)$/i;
const ID = /^(?:<[#@]&?)?([0-9]{1,20})>?$/;

function ids(text: string): string[] | null {
  if (NONE.test(text)) return [];
  const found = text.split(/[\s,]+/).filter((p) => p !== "").map((p) => ID.exec(p)?.[1]);
  return found.every((id) => id !== undefined) ? found as string[] : null;
}

function oneId(text: string): string | null | undefined {
  if (NONE.test(text)) return null;
  return ID.exec(text.trim())?.[1];
}

function flag(text: string): boolean | undefined {
  if (/^(on|yes|true)$/i.test(text)) return true;
  if (/^(off|no|false)$/i.test(text)) return false;
  return undefined;
}

function whole(text: string): number | undefined {
  return /^[0-9]{1,9}$/.test(text) ? Number(text) : undefined;
}

/** `0` or `none` clears, a whole number sets. */
function optionalWhole(text: string): number | null | undefined {
  if (NONE.test(text) || text === "0") return null;
  return whole(text);
}

/** Reads `text` as a change of `setting`. */
export function readSetting(setting: TypeSetting, raw: string): SettingValue {
  const text = raw.trim();
  const fail = { expected: setting } as const;
  const textOrNull = NONE.test(text) ? null : text;
  switch (setting) {
    case "name":
      return { patch: { name: text } };
    case "emoji":
      return { patch: { emoji: textOrNull } };
    case "description":
      return { patch: { description: textOrNull } };
    case "naming_scheme":
      return { patch: { namingScheme: text } };
    case "welcome_text":
      return { patch: { welcomeText: textOrNull } };
    case "questions":
      return { patch: { questions: parseQuestions(text) } };
    case "category":
    case "parent_channel":
    case "transcript_channel": {
      const id = oneId(text) as ChannelId | null | undefined;
      if (id === undefined) return fail;
      if (setting === "category") return { patch: { categoryId: id } };
      if (setting === "parent_channel") return { patch: { parentChannelId: id } };
      return { patch: { transcriptChannelId: id } };
    }
    case "staff_roles":
    case "required_roles":
    case "blocked_roles": {
      const roles = ids(text) as RoleId[] | null;
      if (roles === null) return fail;
      if (setting === "staff_roles") return { patch: { staffRoleIds: roles } };
      if (setting === "required_roles") return { patch: { requiredRoleIds: roles } };
      return { patch: { blockedRoleIds: roles } };
    }
    case "mode":
      return text === "channel" || text === "thread" ? { patch: { mode: text } } : fail;
    case "thread_close":
      return text === "archive" || text === "delete" ? { patch: { threadClose: text } } : fail;
    case "claim_mode":
      return text === "open" || text === "hide" || text === "readonly"
        ? { patch: { claimMode: text } }
        : fail;
    case "openers_may_add":
    case "close_when_opener_leaves":
    case "feedback": {
      const on = flag(text);
      if (on === undefined) return fail;
      if (setting === "openers_may_add") return { patch: { openersMayAddMembers: on } };
      if (setting === "feedback") return { patch: { feedback: on } };
      return { patch: { closeWhenOpenerLeaves: on } };
    }
    case "max_open":
    case "close_request_timeout_hours": {
      const n = whole(text);
      if (n === undefined) return fail;
      return setting === "max_open"
        ? { patch: { maxOpenPerMember: n } }
        : { patch: { closeRequestTimeoutHours: n } };
    }
    case "total_cap":
    case "cooldown_minutes":
    case "retention_days": {
      const n = optionalWhole(text);
      if (n === undefined) return fail;
      if (setting === "total_cap") return { patch: { totalOpenCap: n } };
      if (setting === "retention_days") return { patch: { retentionDays: n } };
      return { patch: { cooldownSeconds: n === null ? null : n * 60 } };
    }
    case "support_hours": {
      if (NONE.test(text)) return { patch: { supportHours: null } };
      const words = text.split(/\s+/);
      const last = words.at(-1)?.toLowerCase();
      const policy = last === "block" || last === "warn" ? last : "warn";
      const schedule = (last === policy ? words.slice(0, -1) : words).join(" ");
      return { patch: { supportHours: { schedule, policy } } };
    }
    case "auto_close": {
      if (NONE.test(text)) return { patch: { autoClose: null } };
      const [warn, close, ...rest] = text.split(/\s+/).map(whole);
      if (warn === undefined || close === undefined || rest.length > 0) return fail;
      return { patch: { autoClose: { warnAfterHours: warn, closeAfterHours: close } } };
    }
  }
}
