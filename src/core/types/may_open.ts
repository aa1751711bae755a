/**
 * Who may open a ticket of a type, and when: its required and blocked roles and
 * its support hours. Pure checks the opening code calls before it reserves a
 * ticket; the counted limits (per member, total, cooldown) are the store's, in
 * the same transaction as the reservation.
 */
import type { RoleId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import { parseSupportHours, supportStatus } from "./support_hours.ts";

/** Why a member may not open (or is warned before opening) a ticket of a type. */
export type OpenCheck =
  | { kind: "allowed" }
  /** Staff are out and the type only warns: open, and say when they are back. */
  | { kind: "warn_outside_hours"; backAt: Date }
  | { kind: "outside_hours"; backAt: Date }
  | { kind: "missing_role"; roleIds: RoleId[] }
  | { kind: "blocked_role"; roleId: RoleId };

/** Whether a member with `roles` may open a ticket of `type` at `at`. */
export function mayOpen(
  type: Pick<TicketType, "requiredRoleIds" | "blockedRoleIds" | "supportHours">,
  member: { roles: readonly RoleId[]; at: Date },
): OpenCheck {
  const blocked = type.blockedRoleIds.find((role) => member.roles.includes(role));
  if (blocked !== undefined) return { kind: "blocked_role", roleId: blocked };
  if (
    type.requiredRoleIds.length > 0 &&
    !type.requiredRoleIds.some((role) => member.roles.includes(role))
  ) {
    return { kind: "missing_role", roleIds: [...type.requiredRoleIds] };
  }
  if (type.supportHours === null) return { kind: "allowed" };
  const schedule = parseSupportHours(type.supportHours.schedule);
  // A schedule the store accepted always parses; one that does not never blocks anyone.
  if ("problem" in schedule) return { kind: "allowed" };
  const status = supportStatus(schedule, member.at);
  if (status.open) return { kind: "allowed" };
  return type.supportHours.policy === "block"
    ? { kind: "outside_hours", backAt: status.backAt }
    : { kind: "warn_outside_hours", backAt: status.backAt };
}
