/**
 * The one path that opens a ticket, shared by the panel's button, select menu and
 * form, `/ticket new`, the message command, and staff's `/ticket open-for` and
 * user command: check the type's rules (roles, support hours), reserve the ticket
 * (atomic limit and number), create its private channel, answer with a link, then
 * post the welcome message and the log entry. Each step undoes the previous one
 * when it fails, and the person is told why. A reservation whose open died is
 * taken over by the member's next click.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput, UserRef } from "../interaction.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { announceAction } from "../audit_log.ts";
import type { Ticket, TicketAnswer, TicketType } from "../model.ts";
import type { ChannelId, RoleId } from "../ids.ts";
import { guildText, readerText } from "../language.ts";
import { completeReservation, openedEvent } from "./ticket_reservation.ts";
import { type QuotedMessage, welcomeMessage } from "./welcome.ts";
import { openLimitRefusal } from "../types/limit_refusal.ts";
import { mayOpen, type OpenCheck } from "../types/may_open.ts";
import { openRuleRefusal, openRuleWarning, type Whose } from "../types/open_rule_refusal.ts";
import { isRefusal, placeTickets } from "./ticket_place.ts";
import { leavingOnRequest } from "./open_line.ts";

/** Staff opening a ticket for a member: the member, and their roles (for the type's rules). */
export interface OpenFor {
  user: UserRef;
  roles: readonly RoleId[];
}

/** What the member (or staff, for a member) asked for. */
export interface OpenRequest {
  type: TicketType;
  topic: string | null;
  answers: TicketAnswer[];
  /** Set when staff open the ticket for this member, who becomes its opener. */
  for?: OpenFor;
  /** The message the ticket is about (the message command): quoted in the welcome. */
  about?: QuotedMessage;
}

function whoseOf(request: Pick<OpenRequest, "for">): Whose {
  return request.for === undefined
    ? { whose: "self" }
    : { whose: "other", user: request.for.user.id };
}

function limitRefusal(
  existing: Ticket[],
  limit: number,
  input: Pick<InteractionInput, "locale">,
  whose: Whose,
): Reply {
  const tr = readerText(input);
  const links = existing.filter((t) => t.channelId !== null).map((t) => `<#${t.channelId}>`);
  // A ticket without a channel is one a concurrent click is creating right now.
  const where = links.length > 0
    ? ` ${tr.t("open.limit_continue", { links: links.join(", ") })}`
    : existing.length > 0
    ? ` ${tr.t("open.limit_creating")}`
    : "";
  const user = whose.whose === "other" ? whose.user : "";
  return refuse(
    "ticket_limit",
    `${tr.t("open.limit", { whose: whose.whose, user, limit })}${where}`,
  );
}

/** The type's rules for whoever the ticket is for (open-for skips support hours: staff are in). */
function checkRules(
  input: InteractionInput,
  ctx: HandlerContext,
  request: Pick<OpenRequest, "type" | "for">,
): OpenCheck {
  const { type } = request;
  const roles = request.for?.roles ?? input.member.roles;
  const rules = request.for === undefined ? type : { ...type, supportHours: null };
  return mayOpen(rules, { roles, at: ctx.clock.now() });
}

/**
 * The checks made before a form is shown, so nobody fills in a form only to be
 * refused: the type's rules, and a quick non-atomic look at the per-member limit.
 */
export async function precheckOpen(
  input: InteractionInput,
  ctx: HandlerContext,
  type: TicketType,
): Promise<Reply | null> {
  const self: Whose = { whose: "self" };
  const rules = openRuleRefusal(checkRules(input, ctx, { type }), input, self);
  if (rules !== null) return rules;
  const mine = (await ctx.tickets.heldBy(input.guildId, input.member.user.id))
    .filter((t) => t.typeId === type.id);
  // A ticket without a channel may be one whose open died: the open after the form
  // takes it over, so the form is shown.
  if (mine.some((t) => t.channelId === null)) return null;
  return mine.length >= type.maxOpenPerMember
    ? limitRefusal(mine, type.maxOpenPerMember, input, self)
    : null;
}

/** Opens a ticket for the member behind `input` (or `request.for`). Defers first. */
export async function openTicket(
  input: InteractionInput,
  ctx: HandlerContext,
  request: OpenRequest,
): Promise<Reply> {
  await ctx.defer({ ephemeral: true });
  const line = ctx.openLine;
  if (line === undefined) return await openDeferred(input, ctx, request);
  return await line.run((leave) =>
    openDeferred(input, { ...ctx, discord: leavingOnRequest(ctx.discord, leave) }, request)
  );
}

/** The open after its defer: the rules, the reservation and the channel. */
async function openDeferred(
  input: InteractionInput,
  ctx: HandlerContext,
  request: OpenRequest,
): Promise<Reply> {
  const { type } = request;
  const whose = whoseOf(request);
  const check = checkRules(input, ctx, request);
  const refusal = openRuleRefusal(check, input, whose);
  if (refusal !== null) return refusal;
  // A type without a category of its own opens in the default type's.
  const categoryId = type.categoryId ?? (await ctx.types.defaultFor(input.guildId)).categoryId;
  const configured = placeTickets({ ...type, categoryId }, input);
  if (isRefusal(configured)) return configured;
  const opener = request.for?.user ?? input.member.user;
  const reservation = { input, type: configured, opener };
  const shown: OpenedShown = { request, warning: openRuleWarning(check, input) };
  const result = await ctx.tickets.open({
    guildId: input.guildId,
    typeId: type.id,
    openerId: opener.id,
    topic: request.topic,
    answers: request.answers,
  });
  if (result.kind === "limit_reached") {
    // A ticket without a channel is being made by another click, or by an open that
    // died: its lock tells which, and a dead one is taken over here.
    const stuck = result.existing.find((t) => t.channelId === null);
    if (stuck === undefined) return limitRefusal(result.existing, result.limit, input, whose);
    const outcome = await completeReservation(ctx, stuck, { ...reservation, takeOver: true });
    if (outcome.kind === "opened") return openedReply(input, ctx, outcome, configured, shown);
    if (outcome.kind === "refused") return outcome.reply;
    const existing = outcome.kind === "already_opened"
      ? result.existing.map((t) => t.id === outcome.ticket.id ? outcome.ticket : t)
      : result.existing;
    return limitRefusal(existing, result.limit, input, whose);
  }
  if (result.kind !== "opened") return openLimitRefusal(result, input);
  const outcome = await completeReservation(ctx, result.ticket, {
    ...reservation,
    takeOver: false,
  });
  switch (outcome.kind) {
    case "opened":
      return openedReply(input, ctx, outcome, configured, shown);
    case "already_opened":
      return ephemeral(linkText(input, request, outcome.ticket.channelId ?? ""));
    case "in_progress":
      return limitRefusal([result.ticket], 1, input, whose);
    case "refused":
      return outcome.reply;
  }
}

/** What the opened answer and the welcome message show besides the link. */
interface OpenedShown {
  request: OpenRequest;
  /** Said when staff are out and the type only warns. */
  warning: string | null;
}

function linkText(input: InteractionInput, request: OpenRequest, channel: string): string {
  const tr = readerText(input);
  return request.for === undefined
    ? tr.t("open.opened", { channel })
    : tr.t("open.opened_for", { user: request.for.user.id, channel });
}

/**
 * The link, at once; the welcome message and the log post follow once the member
 * has it (they are what the member need not wait for).
 */
function openedReply(
  input: InteractionInput,
  ctx: HandlerContext,
  outcome: { ticket: Ticket; channel: { id: string } },
  type: TicketType,
  shown: OpenedShown,
): Reply {
  const { ticket, channel } = outcome;
  const { request } = shown;
  const actor = input.member.user.id;
  const link = linkText(input, request, channel.id);
  return {
    kind: "message",
    body: { content: shown.warning === null ? link : `${link}\n${shown.warning}` },
    ephemeral: true,
    after: async () => {
      // In a burst the channels of the opens still in line go first: the member
      // has the link, and the welcome can come a moment later.
      await ctx.openLine?.cleared();
      const tr = await guildText(ctx, input);
      try {
        await ctx.discord.sendMessage(
          channel.id as ChannelId,
          welcomeMessage(ticket, type, {
            text: tr,
            assistant: ctx.assistant === true,
            ...(request.for === undefined ? {} : { openedBy: input.member.user.id }),
            ...(request.about === undefined ? {} : { about: request.about }),
          }),
        );
      } catch (error) {
        ctx.log.warn("Could not post the welcome message of ticket {number} in guild {guildId}", {
          number: ticket.number,
          guildId: ticket.guildId,
          error,
        });
      }
      const line = request.for === undefined
        ? tr.t("open.log", { number: ticket.number, opener: ticket.openerId, channel: channel.id })
        : tr.t("open.log_for", {
          number: ticket.number,
          opener: ticket.openerId,
          actor,
          channel: channel.id,
        });
      await announceAction(ctx, openedEvent(ticket, actor), line);
    },
  };
}
