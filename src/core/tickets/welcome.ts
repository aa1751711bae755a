/** The first message in a ticket: who it is for, the welcome text, the answers, and buttons. */
import type { MessageBody } from "../message_body.ts";
import type { Ticket, TicketType } from "../model.ts";
import { buttonRow } from "../button_row.ts";

/** The welcome text used until an admin sets one. */
export const DEFAULT_WELCOME_TEXT =
  "Thanks for reaching out. Describe what you need and a member of staff will be with you soon.";

/** Added to the welcome text when an assistant relay is configured. */
export const ASSISTANT_WELCOME_LINE =
  "An assistant may answer here first; staff take over when they claim the ticket.";

/** The welcome message of `ticket` (`assistant`: a relay is configured). */
export function welcomeMessage(
  ticket: Ticket,
  type: TicketType,
  options: { assistant?: boolean } = {},
): MessageBody {
  const mentions = [`<@${ticket.openerId}>`, ...type.staffRoleIds.map((id) => `<@&${id}>`)];
  const text = [
    mentions.join(" "),
    type.welcomeText ?? DEFAULT_WELCOME_TEXT,
    ...(options.assistant ? [ASSISTANT_WELCOME_LINE] : []),
  ].join("\n");
  const body: MessageBody = {
    content: text.slice(0, 2000),
    allowed_mentions: { parse: [], users: [ticket.openerId], roles: [...type.staffRoleIds] },
    components: [buttonRow([
      { style: 4, label: "Close", id: { action: "close", ticketId: ticket.id } },
      { style: 2, label: "Claim", id: { action: "claim", ticketId: ticket.id } },
    ])],
  };
  const fields = ticket.answers
    .filter((a) => a.answer.trim() !== "")
    .slice(0, 25)
    .map((a) => ({ name: a.question.slice(0, 256), value: a.answer.slice(0, 1024) }));
  if (fields.length > 0) {
    body.embeds = [{ title: `Ticket #${ticket.number}`, fields }];
  } else if (ticket.topic !== null && ticket.topic !== "") {
    body.embeds = [{ title: `Ticket #${ticket.number}`, description: ticket.topic.slice(0, 4000) }];
  }
  return body;
}
