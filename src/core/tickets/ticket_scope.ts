/** Finds the ticket a command or button acts on, or the refusal that explains why not. */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../errors.ts";
import type { Ticket, TicketId, TicketType } from "../../ports.ts";

/** A ticket with its type. */
export interface TicketScope {
  ticket: Ticket;
  type: TicketType;
}

/** Which statuses the caller accepts: closing is only fine for close (it resumes). */
export interface ScopeOptions {
  allowClosing?: boolean;
}

async function withType(
  ticket: Ticket,
  ctx: HandlerContext,
  options: ScopeOptions,
): Promise<TicketScope | Reply> {
  if (ticket.status === "closed") {
    return refuse("ticket_closed", "This ticket is already closed.");
  }
  if (ticket.status === "closing" && options.allowClosing !== true) {
    return refuse(
      "ticket_closed",
      "This ticket is being closed. Run `/ticket close` again to finish closing it.",
    );
  }
  const type = await ctx.repo.ticketType(ticket.typeId);
  if (type === null) {
    throw new Error(`Cannot load ticket ${ticket.id}: its ticket type ${ticket.typeId} is gone`);
  }
  return { ticket, type };
}

/** The ticket whose channel the interaction happened in. */
export async function ticketInChannel(
  input: InteractionInput,
  ctx: HandlerContext,
  options: ScopeOptions = {},
): Promise<TicketScope | Reply> {
  const ticket = await ctx.repo.ticketByChannel(input.channelId);
  if (ticket === null || ticket.guildId !== input.guildId) {
    return refuse(
      "not_a_ticket",
      "This is not a ticket channel. Run this command inside the ticket you mean.",
    );
  }
  return await withType(ticket, ctx, options);
}

/** The ticket a button names by id (a stale id gets `unknown_component`). */
export async function ticketById(
  input: InteractionInput,
  ctx: HandlerContext,
  id: TicketId,
  options: ScopeOptions = {},
): Promise<TicketScope | Reply> {
  const ticket = await ctx.repo.ticket(id);
  if (ticket === null || ticket.guildId !== input.guildId) {
    return refuse("unknown_component", "This button belongs to a ticket that no longer exists.");
  }
  return await withType(ticket, ctx, options);
}

/** True when `value` is a reply (a refusal) rather than a scope. */
export function isReply(value: TicketScope | Reply): value is Reply {
  return "kind" in value;
}
