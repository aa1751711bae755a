/**
 * The first message in a ticket, in the guild's language: who it is for, who
 * opened it for them (staff's open-for), the message it is about (quoted, with a
 * link), the welcome text, the form's answers, and the Close and Claim buttons.
 */
import type { MessageBody } from "../message_body.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { ChannelId, GuildId, UserId } from "../ids.ts";
import { buttonRow } from "../button_row.ts";
import type { Translator } from "../../i18n/translator.ts";

/** The message a ticket was opened about (the message command). */
export interface QuotedMessage {
  guildId: GuildId;
  channelId: ChannelId;
  messageId: string;
  authorId: UserId;
  content: string;
}

/** Longest part of a quoted message shown in the welcome. */
const MAX_QUOTE_LENGTH = 1000;

/** What the welcome shows besides the ticket itself. */
export interface WelcomeOptions {
  /** The guild's language. */
  text: Translator;
  /** True when an assistant relay is configured. */
  assistant?: boolean;
  /** The staff member who opened the ticket for its opener. */
  openedBy?: UserId;
  about?: QuotedMessage;
}

/** The link Discord's clients open at a message. */
export function messageLink(message: Pick<QuotedMessage, "guildId" | "channelId" | "messageId">) {
  return `https://discord.com/channels/${message.guildId}/${message.channelId}/${message.messageId}`;
}

function quoteLines(about: QuotedMessage, tr: Translator): string[] {
  const content = about.content.length > MAX_QUOTE_LENGTH
    ? `${about.content.slice(0, MAX_QUOTE_LENGTH)}\u2026`
    : about.content;
  const quoted = content.trim() === "" ? [] : content.split("\n").map((line) => `> ${line}`);
  return [
    tr.t("welcome.about", { author: about.authorId }),
    ...quoted,
    tr.t("welcome.jump", { url: messageLink(about) }),
  ];
}

/** The welcome message of `ticket`. */
export function welcomeMessage(
  ticket: Ticket,
  type: TicketType,
  options: WelcomeOptions,
): MessageBody {
  const tr = options.text;
  const mentions = [`<@${ticket.openerId}>`, ...type.staffRoleIds.map((id) => `<@&${id}>`)];
  const head = [
    mentions.join(" "),
    ...(options.openedBy === undefined ? [] : [tr.t("welcome.opened_for", {
      actor: options.openedBy,
    })]),
    type.welcomeText ?? tr.t("welcome.default_text"),
    ...(options.assistant ? [tr.t("welcome.assistant")] : []),
  ].join("\n");
  // The quote goes last and is what gets cut, so the mentions and buttons always fit.
  const about = options.about === undefined
    ? ""
    : `\n\n${quoteLines(options.about, tr).join("\n")}`;
  const body: MessageBody = {
    content: `${head}${about}`.slice(0, 2000),
    allowed_mentions: { parse: [], users: [ticket.openerId], roles: [...type.staffRoleIds] },
    components: [buttonRow([
      { style: 4, label: tr.t("welcome.close"), id: { action: "close", ticketId: ticket.id } },
      { style: 2, label: tr.t("welcome.claim"), id: { action: "claim", ticketId: ticket.id } },
    ])],
  };
  const title = tr.t("welcome.title", { number: ticket.number });
  const fields = ticket.answers
    .filter((a) => a.answer.trim() !== "")
    .slice(0, 25)
    .map((a) => ({ name: a.question.slice(0, 256), value: a.answer.slice(0, 1024) }));
  if (fields.length > 0) {
    body.embeds = [{ title, fields }];
  } else if (options.about === undefined && ticket.topic !== null && ticket.topic !== "") {
    body.embeds = [{ title, description: ticket.topic.slice(0, 4000) }];
  }
  return body;
}
