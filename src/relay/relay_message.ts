/**
 * Relays ticket messages to the assistant service and posts its answers. Each
 * message is queued under its channel, so one ticket's answers come in the
 * order its questions were asked while other tickets go on independently.
 * Nothing here throws to the caller: relay trouble never touches ticket handling.
 */
import type { Logger } from "@logtape/logtape";
import type { MessageInput } from "../core/interaction.ts";
import type { Clock, SettingsStore, TicketStore, TypeStore } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import { guildLanguage } from "../core/language.ts";
import { english, type Translator, translator } from "../i18n/translator.ts";
import type { Ticket } from "../core/model.ts";
import type { RelayClient, RelayResult } from "./relay_client.ts";
import type { RelayQueue } from "./relay_queue.ts";
import { splitReply } from "./split_reply.ts";

/** Posted in a ticket when the assistant could not answer (at most once per interval), in English. */
export const RELAY_UNAVAILABLE_NOTICE = english().t("relay.unavailable");

/** Default quiet period between two "unavailable" notices in one ticket. */
export const RELAY_NOTICE_INTERVAL_MS = 10 * 60 * 1000;

/** The staff ping when the member asked the assistant for a person, in `tr`'s language. */
export function handoffNotice(tr: Translator, roles: readonly string[]): string {
  return tr.t("relay.handoff", { roles: roles.map((role) => `<@&${role}>`).join(" ") });
}

/** Most messages one answer is posted as; the rest of a longer answer is left out. */
export const MAX_REPLY_PARTS = 5;

export interface MessageRelayOptions {
  client: RelayClient;
  queue: RelayQueue;
  tickets: Pick<
    TicketStore,
    "byChannel" | "get" | "takeRelayNoticeSlot" | "setAssistantPaused"
  >;
  types: Pick<TypeStore, "get">;
  discord: Pick<DiscordPort, "sendMessage">;
  /** The guild's language for the notices (English without it). */
  settings?: Pick<SettingsStore, "guild">;
  clock: Clock;
  log: Logger;
  /** Quiet period between notices in one ticket. Default 10 minutes. */
  noticeIntervalMs?: number;
}

/** Feeds gateway messages to the relay. */
export interface MessageRelay {
  /**
   * Queues the message for relaying when it may need it; returns at once, never throws.
   * `inTicket`, when the caller already looks the channel up, settles whether it holds
   * a ticket at all, so a message elsewhere costs no lookup of the relay's own.
   */
  onMessage(message: MessageInput, inTicket?: Promise<boolean>): void;
}

/** True when the assistant should answer in this ticket now. */
function relayable(ticket: Ticket | null): ticket is Ticket {
  return ticket !== null && ticket.status === "open" && !ticket.assistantPaused &&
    ticket.channelId !== null;
}

/** Creates the message relay over its ports. */
export function createMessageRelay(options: MessageRelayOptions): MessageRelay {
  const { client, queue, tickets, types, discord, clock, log } = options;
  const noticeIntervalMs = options.noticeIntervalMs ?? RELAY_NOTICE_INTERVAL_MS;
  const guildText = async (ticket: Ticket): Promise<Translator> =>
    options.settings
      ? translator(guildLanguage(await options.settings.guild(ticket.guildId)))
      : english();

  async function postReply(ticket: Ticket, message: MessageInput, text: string): Promise<void> {
    const parts = splitReply(text);
    if (parts.length > MAX_REPLY_PARTS) {
      log.warn(
        "The assistant's answer in ticket {ticketNumber} needs {parts} messages; only the first {max} are posted",
        { ticketNumber: ticket.number, parts: parts.length, max: MAX_REPLY_PARTS },
      );
    }
    for (const content of parts.slice(0, MAX_REPLY_PARTS)) {
      await discord.sendMessage(message.channelId, { content, allowed_mentions: { parse: [] } });
    }
  }

  /** The answer asked for staff: pause the assistant here and ping the type's staff roles. */
  async function handOff(ticket: Ticket, message: MessageInput): Promise<void> {
    await tickets.setAssistantPaused(ticket.id, true);
    const roles = (await types.get(ticket.typeId))?.staffRoleIds ?? [];
    log.info(
      "The assistant handed ticket {ticketNumber} in guild {guildId} over to staff and is paused there",
      { ticketNumber: ticket.number, guildId: ticket.guildId, roles: roles.length },
    );
    if (roles.length === 0) return;
    await discord.sendMessage(message.channelId, {
      content: handoffNotice(await guildText(ticket), roles),
      allowed_mentions: { parse: [], roles },
    });
  }

  async function reportFailure(
    ticket: Ticket,
    message: MessageInput,
    result: Extract<RelayResult, { kind: "failed" }>,
  ): Promise<void> {
    log.error(
      "The assistant relay failed for ticket {ticketNumber} in guild {guildId}: {reason} (status {status}, {attempts} attempts, {durationMs} ms)",
      {
        ticketNumber: ticket.number,
        ticketId: ticket.id,
        guildId: ticket.guildId,
        status: result.status,
        attempts: result.attempts,
        durationMs: result.durationMs,
        reason: result.reason,
      },
    );
    const now = clock.now();
    const notBefore = new Date(now.getTime() - noticeIntervalMs);
    if (!(await tickets.takeRelayNoticeSlot(ticket.id, now, notBefore))) return;
    await discord.sendMessage(message.channelId, {
      content: (await guildText(ticket)).t("relay.unavailable"),
      allowed_mentions: { parse: [] },
    });
  }

  async function relay(message: MessageInput): Promise<void> {
    // Read at send time: a pause, claim or close since the message arrived counts.
    const ticket = await tickets.byChannel(message.channelId);
    if (!relayable(ticket) || ticket.guildId !== message.guildId) return;
    const result = await client.send({
      guildId: ticket.guildId,
      channelId: message.channelId,
      userId: message.author.id,
      content: message.content,
      messageId: message.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
    });
    if (result.kind === "silent" && result.handoff !== true) return;
    // The answer may have taken a while: staff may have paused or claimed meanwhile.
    const current = await tickets.get(ticket.id);
    if (!relayable(current)) {
      log.info(
        "Ticket {ticketNumber} was paused or closed while the assistant answered; answer dropped",
        {
          ticketNumber: ticket.number,
          guildId: ticket.guildId,
        },
      );
      return;
    }
    if (result.kind === "failed") return await reportFailure(current, message, result);
    if (result.kind === "reply") await postReply(current, message, result.text);
    if (result.handoff === true) await handOff(current, message);
  }

  return {
    onMessage(message, inTicket) {
      if (message.author.bot || message.system || message.content.trim() === "") return;
      // Queued now, whatever the lookup says later: the queue keeps questions in order.
      queue.enqueue(message.channelId, async () => {
        try {
          if (inTicket !== undefined && !(await inTicket)) return;
          await relay(message);
        } catch (error) {
          log.error("Could not relay message {messageId} in channel {channelId}: {error}", {
            messageId: message.id,
            channelId: message.channelId,
            error,
          });
        }
      });
    },
  };
}
