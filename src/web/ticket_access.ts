/**
 * Who may see what on the web pages (SPEC "Web pages"): a ticket's opener and
 * the members added to it see its transcript; staff of its type and members
 * with Manage Server see it too, with its audit trail. Anyone else sees a 404.
 */
import type { UserId } from "../core/ids.ts";
import type { Ticket, TicketMember, TicketType } from "../core/model.ts";
import type { GuildViewer } from "./member_lookup.ts";

/** How a person may see a ticket: `staff` also sees its audit trail and makes share links. */
export type TicketAccess = "staff" | "participant";

/** How `userId` (with `viewer`, their membership of the guild) may see `ticket`, or null. */
export function ticketAccess(
  ticket: Ticket,
  who: {
    userId: UserId;
    viewer: GuildViewer | null;
    type: TicketType | null;
    members: readonly TicketMember[];
  },
): TicketAccess | null {
  const { viewer, type } = who;
  if (viewer !== null) {
    if (viewer.admin) return "staff";
    const staffRoles = type?.staffRoleIds ?? [];
    if (viewer.roles.some((role) => staffRoles.includes(role))) return "staff";
  }
  if (ticket.openerId === who.userId) return "participant";
  if (who.members.some((m) => m.userId === who.userId)) return "participant";
  return null;
}

/** True when `viewer` is staff of one of `types` or holds Manage Server. */
export function isGuildStaff(viewer: GuildViewer | null, types: readonly TicketType[]): boolean {
  if (viewer === null) return false;
  if (viewer.admin) return true;
  return types.some((type) => type.staffRoleIds.some((role) => viewer.roles.includes(role)));
}
