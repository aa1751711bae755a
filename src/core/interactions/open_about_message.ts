/**
 * The message command "Open a ticket about this": a ticket of the default type
 * that starts with a quote of the message and a link to it. The message's text
 * comes with the interaction (Discord sends a message command's target whole), so
 * no form is shown: the quoted message is what the ticket is about.
 */
import { openTicket } from "../tickets/open_ticket.ts";
import { MAX_TOPIC_LENGTH } from "./ticket_new.ts";
import { defineContextMenu } from "./define_context_menu.ts";

/** The message command "Open a ticket about this". */
export const openAboutMessageMenu = defineContextMenu({
  target: "message",
  name: "Open a ticket about this",
  default_member_permissions: null,
  async handler(input, ctx, target) {
    const { message } = target;
    const type = await ctx.types.defaultFor(input.guildId);
    const content = message.content.trim();
    return await openTicket(input, ctx, {
      type,
      topic: content === "" ? null : content.slice(0, MAX_TOPIC_LENGTH),
      answers: [],
      about: {
        guildId: input.guildId,
        channelId: message.channelId,
        messageId: message.id,
        authorId: message.author.id,
        content: message.content,
      },
    });
  },
});
