/**
 * What a message in a ticket changes besides the archive: who the ticket waits
 * for, the first staff response and the last messages of the opener and the
 * staff, and the auto close (a staff message arms it, the opener's cancels it).
 * Staff are members with one of the type's staff roles, and the claimer; the
 * bot's own messages, other bots', webhooks' and system messages do not count.
 */
import type { HandlerContext } from "../context.ts";
import { isSnowflake, type RoleId, type UserId } from "../ids.ts";
import type { Ticket, TicketType } from "../model.ts";

/** A message that counts for a ticket's timings: who wrote it, their roles, when. */
export interface TicketMessage {
  authorId: UserId;
  /** The author's roles in the guild (the gateway sends them with each guild message). */
  roleIds: RoleId[];
  at: Date;
}

/** Who wrote a message of a ticket. */
export type TicketAuthor = "opener" | "staff" | "member";

const HOUR_MS = 3_600_000;
/** Message types a person writes: a plain message and a reply. */
const PERSON_MESSAGE_TYPES: ReadonlySet<number> = new Set([0, 19]);

type Raw = Record<string, unknown>;

/** The message of a `MESSAGE_CREATE` payload that counts, or null (bots, webhooks, system messages). */
export function countedMessage(raw: Raw, at: Date): TicketMessage | null {
  const author = raw.author as Raw | undefined;
  if (!isSnowflake(author?.id) || author.bot === true || author.system === true) return null;
  if (raw.webhook_id !== undefined && raw.webhook_id !== null) return null;
  if (typeof raw.type === "number" && !PERSON_MESSAGE_TYPES.has(raw.type)) return null;
  const member = raw.member as Raw | undefined;
  const roles = Array.isArray(member?.roles) ? member.roles.filter(isSnowflake) : [];
  return { authorId: author.id as UserId, roleIds: roles as RoleId[], at };
}

/** Whether the opener, staff or another member wrote `message`. */
export function authorOf(
  ticket: Pick<Ticket, "openerId" | "claimedBy">,
  type: Pick<TicketType, "staffRoleIds">,
  message: Pick<TicketMessage, "authorId" | "roleIds">,
): TicketAuthor {
  if (message.authorId === ticket.openerId) return "opener";
  if (message.authorId === ticket.claimedBy) return "staff";
  return message.roleIds.some((role) => type.staffRoleIds.includes(role)) ? "staff" : "member";
}

/** Records what `message` changes in the open `ticket`; gives who wrote it. */
export async function recordTicketMessage(
  ticket: Ticket,
  message: TicketMessage,
  ctx: Pick<HandlerContext, "types" | "tickets" | "timers">,
): Promise<TicketAuthor | null> {
  if (ticket.status !== "open") return null;
  if (message.authorId === ticket.openerId) {
    // The opener's message needs no type: it always counts as theirs.
    await ctx.timers.openerWrote(ticket.id, message.at);
    return "opener";
  }
  const type = await ctx.types.get(ticket.typeId);
  if (type === null) return null;
  const author = authorOf(ticket, type, message);
  switch (author) {
    case "opener":
      break;
    case "staff": {
      const warnAt = type.autoClose === null
        ? null
        : new Date(message.at.getTime() + type.autoClose.warnAfterHours * HOUR_MS);
      await ctx.timers.staffWrote(ticket.id, message.at, warnAt);
      break;
    }
    case "member":
      // An added member waits for the staff too, but only the opener stops an auto close.
      if (ticket.waitingFor !== "staff") await ctx.tickets.setWaitingFor(ticket.id, "staff");
      break;
  }
  return author;
}
