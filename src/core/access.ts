/**
 * Who may do what: one explicit table, checked by every handler (command
 * visibility is only a hint) and rendered by `/config show`.
 */
import type { MemberRef } from "./interaction.ts";
import type { Ticket, TicketType } from "./model.ts";
import { hasPermission, Permission } from "./permissions_bits.ts";
import { english, type Translator } from "../i18n/translator.ts";

/** The roles an actor can hold; one actor usually holds several. */
export type AccessRole = "admin" | "staff" | "opener" | "member";

/** Everything a member can try to do. */
export type Action =
  | "setup"
  | "config"
  | "panel"
  | "open"
  | "open_for"
  | "add"
  | "remove"
  | "claim"
  | "unclaim"
  | "close"
  | "assistant"
  | "transfer"
  | "move"
  | "priority"
  | "tag"
  | "queue"
  | "reopen"
  | "close_request"
  | "stats";

/** `yes`, `no`, or allowed only when the ticket type lets openers add members. */
export type Grant = "yes" | "no" | "if_openers_may_add";

export const ACCESS_ROLES: readonly AccessRole[] = ["admin", "staff", "opener", "member"];

/** The permission table. */
export const ACCESS_TABLE: Readonly<Record<Action, Readonly<Record<AccessRole, Grant>>>> = {
  setup: { admin: "yes", staff: "no", opener: "no", member: "no" },
  config: { admin: "yes", staff: "no", opener: "no", member: "no" },
  panel: { admin: "yes", staff: "no", opener: "no", member: "no" },
  open: { admin: "yes", staff: "yes", opener: "yes", member: "yes" },
  open_for: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  add: { admin: "yes", staff: "yes", opener: "if_openers_may_add", member: "no" },
  remove: { admin: "yes", staff: "yes", opener: "if_openers_may_add", member: "no" },
  claim: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  unclaim: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  close: { admin: "yes", staff: "yes", opener: "yes", member: "no" },
  reopen: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  close_request: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  assistant: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  transfer: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  move: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  priority: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  tag: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  queue: { admin: "yes", staff: "yes", opener: "no", member: "no" },
  stats: { admin: "yes", staff: "yes", opener: "no", member: "no" },
};

/** True when the member holds Manage Server or Administrator. */
export function isAdmin(member: MemberRef): boolean {
  return hasPermission(member.permissions, Permission.ManageGuild);
}

/** The roles `member` holds, given the ticket type and (inside a ticket) the ticket. */
export function rolesOf(
  member: MemberRef,
  scope: { type?: TicketType | null; ticket?: Ticket | null } = {},
): Set<AccessRole> {
  const roles = new Set<AccessRole>(["member"]);
  if (isAdmin(member)) {
    roles.add("admin");
    roles.add("staff");
  }
  const staffRoles = scope.type?.staffRoleIds ?? [];
  if (member.roles.some((role) => staffRoles.includes(role))) roles.add("staff");
  if (scope.ticket && scope.ticket.openerId === member.user.id) roles.add("opener");
  return roles;
}

/** True when any of `roles` is granted `action` (conditions read from `type`). */
export function can(
  action: Action,
  roles: ReadonlySet<AccessRole>,
  type: TicketType | null = null,
): boolean {
  const row = ACCESS_TABLE[action];
  for (const role of roles) {
    const grant = row[role];
    if (grant === "yes") return true;
    if (grant === "if_openers_may_add" && type?.openersMayAddMembers === true) return true;
  }
  return false;
}

/** Shorthand: may `member` do `action` here? */
export function allowed(
  action: Action,
  member: MemberRef,
  scope: { type?: TicketType | null; ticket?: Ticket | null } = {},
): boolean {
  return can(action, rolesOf(member, scope), scope.type ?? null);
}

const GRANT_KEY = {
  yes: "access.yes",
  no: "access.no",
  if_openers_may_add: "access.if_allowed",
} as const;

/**
 * The table as monospaced text in `tr`'s language, for `/config show`: made of the
 * code and the messages alone, so built once per language.
 */
export function renderAccessTable(tr: Translator = english()): string {
  return tr.memo("access-table", () => buildAccessTable(tr));
}

function buildAccessTable(tr: Translator): string {
  const actions = Object.keys(ACCESS_TABLE) as Action[];
  const columns = ACCESS_ROLES.map((role) => tr.t(`access.${role}`));
  const width = Math.max(tr.t("access.action").length, ...actions.map((a) => a.length));
  const column = Math.max(10, ...columns.map((c) => c.length + 1));
  const header = [tr.t("access.action").padEnd(width), ...columns.map((c) => c.padEnd(column))];
  const lines = actions.map((action) =>
    [
      action.padEnd(width),
      ...ACCESS_ROLES.map((role) => tr.t(GRANT_KEY[ACCESS_TABLE[action][role]]).padEnd(column)),
    ].join(" ").trimEnd()
  );
  return [header.join(" ").trimEnd(), ...lines].join("\n");
}
