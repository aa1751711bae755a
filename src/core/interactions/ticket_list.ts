/**
 * `/ticket list [filter]`: the queue. Staff see the open tickets of the types
 * they handle (every type with Manage Server), oldest first, 20 to a page with
 * Previous/Next buttons whose ids carry the filter and the page. The answer is
 * ephemeral, so only the one who asked can page it; each page is read anew.
 */
import type { HandlerContext } from "../context.ts";
import { encodeCustomId } from "../custom_id.ts";
import type { InteractionInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import type { ActionRow, Button, MessageBody } from "../message_body.ts";
import type { Ticket, TicketType } from "../model.ts";
import { QUEUE_FILTERS, type QueueFilter } from "../queue_filter.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { staffTypes } from "../staff_types.ts";
import type { Translator } from "../../i18n/translator.ts";
import { defineSubcommand, OptionType } from "./define_command.ts";
import { defineButton } from "./define_component.ts";

/** Tickets on one page of the queue. */
export const QUEUE_PAGE_SIZE = 20;

/** Longest type name shown in a line, so that 20 lines fit one embed. */
const TYPE_NAME_LENGTH = 40;

/** `/ticket list`. */
export const ticketList = defineSubcommand({
  name: "list",
  description: "The queue: open tickets, oldest first",
  options: [
    {
      type: OptionType.String,
      name: "filter",
      description: "Which open tickets (default: all)",
      required: false,
      choices: QUEUE_FILTERS.map((f) => ({ name: f, value: f })),
    },
  ] as const,
  async handler(input, ctx, options) {
    const filter = options.filter === null
      ? "all"
      : QUEUE_FILTERS.find((f) => f === options.filter);
    if (filter === undefined) {
      return refuse("invalid_value", readerText(input).t("queue.unknown_filter"));
    }
    const body = await queueBody(input, ctx, { filter, page: 0 });
    return "kind" in body ? body : ephemeral(body);
  },
});

/** Previous/Next under the queue: the same message shows the other page. */
export const queuePageButton = defineButton({
  action: "queue",
  async handler(input, ctx, id) {
    const body = await queueBody(input, ctx, id);
    return "kind" in body ? body : { kind: "update", body };
  },
});

/** The queue's message for `page` (kept within the pages there are), or a refusal. */
async function queueBody(
  input: InteractionInput,
  ctx: HandlerContext,
  view: { filter: QueueFilter; page: number },
): Promise<MessageBody | Reply> {
  const tr = readerText(input);
  const types = staffTypes(input.member, await ctx.types.list(input.guildId), {
    action: "queue",
  });
  if (types.length === 0) return refuse("not_staff", tr.t("queue.not_staff"));
  const query = {
    typeIds: types.map((t) => t.id),
    filter: view.filter,
    viewerId: input.member.user.id,
    limit: QUEUE_PAGE_SIZE,
  };
  let page = Math.max(0, view.page);
  let result = await ctx.tickets.queue(input.guildId, {
    ...query,
    offset: page * QUEUE_PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(result.total / QUEUE_PAGE_SIZE));
  if (page >= pages) {
    page = pages - 1;
    result = await ctx.tickets.queue(input.guildId, { ...query, offset: page * QUEUE_PAGE_SIZE });
  }
  const names = new Map(types.map((t) => [t.id, typeName(t)]));
  const lines = result.tickets.map((ticket) => queueLine(tr, ticket, names));
  const description = lines.length === 0 ? tr.t("queue.empty") : lines.join("\n");
  const body: MessageBody = {
    embeds: [{
      title: tr.t("queue.title", { filter: view.filter.replace("-", "_") }),
      description: description.slice(0, 4096),
      footer: { text: tr.t("queue.page", { page: page + 1, pages, count: result.total }) },
    }],
    allowed_mentions: { parse: [] },
    components: pages > 1 ? [pager(tr, { filter: view.filter, page, pages })] : [],
  };
  return body;
}

function typeName(type: TicketType): string {
  const name = type.emoji === null ? type.name : `${type.emoji} ${type.name}`;
  return name.length <= TYPE_NAME_LENGTH ? name : `${name.slice(0, TYPE_NAME_LENGTH - 1)}\u2026`;
}

function queueLine(
  tr: Translator,
  ticket: Ticket,
  names: ReadonlyMap<TicketType["id"], string>,
): string {
  return tr.t("queue.line", {
    number: ticket.number,
    link: ticket.channelId === null ? "" : ` <#${ticket.channelId}>`,
    type: names.get(ticket.typeId) ?? "",
    age: `<t:${Math.floor(ticket.createdAt.getTime() / 1000)}:R>`,
    waiting: ticket.waitingFor ?? "none",
    claimed: ticket.claimedBy === null ? "no" : "yes",
    claimer: ticket.claimedBy ?? "",
    priority: ticket.priority,
  });
}

function pager(
  tr: Translator,
  view: { filter: QueueFilter; page: number; pages: number },
): ActionRow<Button> {
  const button = (label: string, page: number, disabled: boolean): Button => ({
    type: 2,
    style: 2,
    label,
    custom_id: encodeCustomId({ action: "queue", filter: view.filter, page }),
    disabled,
  });
  return {
    type: 1,
    components: [
      button(tr.t("queue.previous"), Math.max(0, view.page - 1), view.page === 0),
      button(
        tr.t("queue.next"),
        Math.min(view.pages - 1, view.page + 1),
        view.page >= view.pages - 1,
      ),
    ],
  };
}
