/**
 * The ticket types a member is staff of: every type for members with Manage
 * Server, else the types one of whose staff roles they hold. Saved answers and
 * the queue are for staff of any type; the queue shows only their types' tickets.
 */
import { type Action, allowed, isAdmin } from "./access.ts";
import type { MemberRef } from "./interaction.ts";
import type { TicketType } from "./model.ts";

/** The types of `types` for whose tickets `member` may do `action` (`tag`, `queue`). */
export function staffTypes(
  member: MemberRef,
  types: readonly TicketType[],
  options: { action: Action },
): TicketType[] {
  if (isAdmin(member)) return [...types];
  return types.filter((type) => allowed(options.action, member, { type }));
}
