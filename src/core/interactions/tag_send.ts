/**
 * `/tag send name`: posts a saved answer in the ticket it runs in, its
 * placeholders filled in. Only staff of the ticket's type send; the message may
 * mention the opener and nobody else, whatever the text says.
 */
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { visible } from "../reply.ts";
import { fillTag } from "../tags/fill_tag.ts";
import { defineSubcommand } from "./define_command.ts";
import { TAG_OPTION } from "./tag_option.ts";

/** `/tag send`. */
export const tagSend = defineSubcommand({
  name: "send",
  description: "Post a saved answer in this ticket",
  options: [TAG_OPTION] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    const ticket = await ctx.tickets.byChannel(input.channelId);
    if (ticket === null || ticket.guildId !== input.guildId) {
      return refuse("not_a_ticket", tr.t("tags.not_a_ticket"));
    }
    if (ticket.status !== "open") return refuse("ticket_closed", tr.t("tags.ticket_closed"));
    const type = await ctx.types.get(ticket.typeId);
    if (!allowed("tag", input.member, { type, ticket })) {
      return refuse("not_staff", tr.t("tags.not_staff_here"));
    }
    const name = options.name ?? "";
    const tag = await ctx.tags.get(input.guildId, name);
    if (tag === null) return refuse("unknown_tag", tr.t("tags.unknown", { name }));
    const staff = input.member.user.id;
    const content = fillTag(tag.content, {
      opener: ticket.openerId,
      staff,
      number: ticket.number,
    }).slice(0, 2000);
    await recordAction(
      ctx,
      {
        guildId: input.guildId,
        ticketId: ticket.id,
        actorId: staff,
        action: "tag.send",
        detail: { name: tag.name },
      },
      (await guildText(ctx, input)).t("tags.sent_audit", {
        user: staff,
        name: tag.name,
        number: ticket.number,
      }),
    );
    return visible({ content, allowed_mentions: { users: [ticket.openerId] } });
  },
});
