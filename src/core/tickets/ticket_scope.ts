/** Finds the ticket a command or button acts on, or the refusal that explains why not. */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { allowed } from "../access.ts";
import type { Ticket, TicketId, TicketType } from "../model.ts";
import { readerText } from "../language.ts";

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
  input: InteractionInput,
  ctx: HandlerContext,
  options: ScopeOptions,
): Promise<TicketScope | Reply> {
  if (ticket.status === "closed") {
    return refuse("ticket_closed", readerText(input).t("scope.closed"));
  }
  if (ticket.status === "closing" && options.allowClosing !== true) {
    return refuse("ticket_closed", readerText(input).t("scope.closing"));
  }
  const type = await ctx.types.get(ticket.typeId);
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
  const ticket = await ctx.tickets.byChannel(input.channelId);
  if (ticket === null || ticket.guildId !== input.guildId) {
    return refuse("not_a_ticket", readerText(input).t("scope.not_a_ticket"));
  }
  return await withType(ticket, input, ctx, options);
}

/** The ticket a button names by id (a stale id gets `unknown_component`). */
export async function ticketById(
  input: InteractionInput,
  ctx: HandlerContext,
  id: TicketId,
  options: ScopeOptions = {},
): Promise<TicketScope | Reply> {
  const ticket = await ctx.tickets.get(id);
  if (ticket === null || ticket.guildId !== input.guildId) {
    return refuse("unknown_component", readerText(input).t("scope.stale_button"));
  }
  return await withType(ticket, input, ctx, options);
}

/** True when `value` is a reply (a refusal) rather than a scope. */
export function isReply(value: TicketScope | Reply): value is Reply {
  return "kind" in value;
}

/** The actions that act on one ticket. */
export type TicketAction =
  | "add"
  | "remove"
  | "claim"
  | "unclaim"
  | "close"
  | "assistant"
  | "transfer"
  | "move"
  | "priority";

/** What a member is told when the access table refuses them `action` on a ticket. */
function denied(action: TicketAction, type: TicketType, input: InteractionInput): Reply {
  const tr = readerText(input);
  switch (action) {
    case "add":
      return refuse(
        "not_allowed",
        tr.t(type.openersMayAddMembers ? "scope.add_staff_or_opener" : "scope.add_staff"),
      );
    case "remove":
      return refuse(
        "not_allowed",
        tr.t(type.openersMayAddMembers ? "scope.remove_staff_or_opener" : "scope.remove_staff"),
      );
    case "close":
      return refuse("not_allowed", tr.t("scope.close"));
    case "claim":
    case "unclaim":
    case "assistant":
    case "transfer":
    case "move":
    case "priority":
      return refuse("not_staff", tr.t(`scope.${action}`));
  }
}

/** The scope itself when the member may do `action` on it, else the refusal. */
export function authorize(
  action: TicketAction,
  input: InteractionInput,
  scope: TicketScope,
): TicketScope | Reply {
  return allowed(action, input.member, scope) ? scope : denied(action, scope.type, input);
}

/** The ticket of this channel, when the member may do `action` on it. */
export async function ticketFor(
  action: TicketAction,
  input: InteractionInput,
  ctx: HandlerContext,
  options: ScopeOptions = {},
): Promise<TicketScope | Reply> {
  const scope = await ticketInChannel(input, ctx, options);
  return isReply(scope) ? scope : authorize(action, input, scope);
}
