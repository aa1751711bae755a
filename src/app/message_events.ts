/**
 * What happens to the gateway's message events: every message, edit and deletion
 * in a ticket channel goes to the live archive (with copies of its attachments),
 * and members' new messages go to the assistant relay when `RELAY_URL` is set.
 * Each message also records who the ticket waits for and its timings (and arms
 * or stops its auto close); an opener who leaves closes their tickets (with the
 * Server Members intent). A ticket channel deleted by a person closes its
 * ticket at once. Gateway sessions are recorded as the archive's coverage. All of it is best effort and
 * never holds up the gateway; messages in ordinary channels cost no lookup.
 */
import { getLogger } from "@logtape/logtape";
import type { AppServices, MessageEvent, MessageHook } from "./app_services.ts";
import type { HandlerContext } from "../core/context.ts";
import {
  archivedTicketOf,
  archiveMessageDelete,
  archiveMessageDeleteBulk,
  archiveMessageIn,
  archiveMessageUpdate,
} from "../core/tickets/archive_message.ts";
import { copyAttachments } from "../core/tickets/archive_attachments.ts";
import { closeDeletedChannel } from "../core/tickets/channel_deleted.ts";
import { countedMessage, recordTicketMessage } from "../core/tickets/ticket_message.ts";
import { memberRemoved } from "../core/tickets/opener_left.ts";
import { keepNoteMessage, staffThreadTicket } from "../core/notes/keep_notes.ts";
import type { Ticket } from "../core/model.ts";
import type { ChannelId } from "../core/ids.ts";
import { randomIds } from "../discord/interactions/random_ids.ts";
import { withDeadline } from "../lib/deadline.ts";
import { createMessageRelay } from "./message_relay.ts";
import { createTicketChannels } from "./ticket_channels.ts";
import { createGatewaySessionLog, SESSION_RENEW_MS } from "./gateway_sessions.ts";
import { createTurns } from "./turns.ts";

/** How often the set of ticket channels is read from the database again. */
const RELOAD_CHANNELS_MS = 60_000;

/** The message hook and what must be closed on shutdown. */
export interface MessageEvents {
  hook: MessageHook;
  /** Resolves once the set of ticket channels is first loaded. */
  ready: Promise<void>;
  /** Waits (bounded) for relays already queued, then stops. */
  close(timeoutMs: number): Promise<void>;
}

type RawMessage = Record<string, unknown>;

/** What a channel that may hold a ticket was found to hold. */
type ChannelHolder = { kind: "ticket" | "notes"; ticket: Ticket } | null;

/** Builds the hook from the app's services: archive always, relay when configured. */
export function createMessageEvents(services: AppServices): MessageEvents {
  const log = getLogger(["ticketeer", "archive"]);
  const { stores, clock } = services;
  const archive = { tickets: stores.tickets, archive: stores.archive, clock, log };
  const context: HandlerContext = {
    ...stores,
    discord: services.discord,
    clock,
    ids: randomIds(),
    log,
    defer: () => Promise.resolve(),
  };
  let relay: Awaited<ReturnType<typeof createMessageRelay>> = null;
  const channels = createTicketChannels(stores.tickets, clock);
  const sessions = createGatewaySessionLog(stores.archive, { clock, log });
  const reload = () =>
    channels.reload().catch((error: unknown) =>
      log.warning("Cannot load the ticket channels (every message is looked up): {error}", {
        error,
      })
    );
  const ready = Promise.all([
    reload(),
    createMessageRelay(services).then((made) => {
      relay = made;
    }),
  ]).then(() => {});
  const renewTimer = setInterval(() => void sessions.renew(), SESSION_RENEW_MS);
  const reloadTimer = setInterval(() => void reload(), RELOAD_CHANNELS_MS);
  Deno.unrefTimer(renewTimer);
  Deno.unrefTimer(reloadTimer);

  const turns = createTurns();
  const inTurn = turns.run;

  /** What channel `raw` names holds: a ticket, a ticket's staff thread, or nothing. */
  const holderOf = (raw: RawMessage, channelId: string) =>
    turns.shared(channelId, async (): Promise<ChannelHolder> => {
      const ticket = await archivedTicketOf(raw, archive);
      if (ticket !== null) return { kind: "ticket", ticket };
      const noted = await staffThreadTicket(channelId as ChannelId, context);
      return noted === null ? null : { kind: "notes", ticket: noted };
    });

  /** The ticket whose channel `raw` names, or null; ordinary channels cost no lookup. */
  const ticketOf = async (raw: RawMessage): Promise<Ticket | null> => {
    const channelId = typeof raw.channel_id === "string" ? raw.channel_id : "";
    if (!channels.mayHold(channelId)) return null;
    const holder = await holderOf(raw, channelId);
    if (holder === null) channels.remove(channelId);
    else channels.add(channelId);
    // A staff thread's messages are kept as notes, never in the ticket's archive.
    if (holder?.kind === "notes") await inTurn(() => keepNoteMessage(context, holder.ticket, raw));
    return holder?.kind === "ticket" ? holder.ticket : null;
  };
  /** Runs `work` for a message event in a channel that may hold a ticket. */
  const inTicket = async (raw: RawMessage, work: () => Promise<void>) => {
    const channelId = typeof raw.channel_id === "string" ? raw.channel_id : "";
    if (channels.mayHold(channelId)) await inTurn(work);
  };

  const hook: MessageHook = async (event: MessageEvent) => {
    switch (event.kind) {
      case "create": {
        const raw = event.raw as RawMessage;
        await ready;
        // One lookup serves both; the relay queues at once.
        const ticket = ticketOf(raw);
        relay?.relay.onMessage(event.message, ticket.then((found) => found !== null, () => false));
        const found = await ticket;
        if (found === null) return;
        await inTurn(() => archiveMessageIn(found, raw, archive));
        const counted = countedMessage(raw, clock.now());
        if (counted !== null && counted.authorId !== services.botUserId) {
          await inTurn(() => recordTicketMessage(found, counted, context)).catch((error) =>
            log.warning("Cannot record who ticket {number} waits for: {error}", {
              number: found.number,
              error,
            })
          );
        }
        await copyAttachments(found, raw, context);
        return;
      }
      case "update":
        return await inTicket(
          event.raw as RawMessage,
          () => archiveMessageUpdate(event.raw as RawMessage, archive),
        );
      case "delete":
        return await inTicket(
          event.raw as RawMessage,
          () => archiveMessageDelete(event.raw as RawMessage, archive),
        );
      case "delete_bulk":
        return await inTicket(
          event.raw as RawMessage,
          () => archiveMessageDeleteBulk(event.raw as RawMessage, archive),
        );
      case "channel_create": {
        const raw = event.raw as RawMessage;
        if (typeof raw.id === "string" && typeof raw.guild_id === "string") {
          channels.created(raw.id);
        }
        return;
      }
      case "channel_delete": {
        const raw = event.raw as RawMessage;
        await closeDeletedChannel(raw, context, { botUserId: services.botUserId });
        if (typeof raw.id === "string") channels.deleted(raw.id);
        return;
      }
      case "member_remove":
        await memberRemoved(event.raw as RawMessage, context);
        return;
      case "session":
        if (event.event.kind === "identified") {
          channels.sessionStarted();
          void reload();
        }
        await sessions.record(event.event);
        return;
    }
  };

  return {
    hook,
    ready,
    async close(timeoutMs) {
      clearInterval(renewTimer);
      clearInterval(reloadTimer);
      await sessions.end();
      if (relay === null) return;
      await withDeadline(relay.queue.close(), timeoutMs, () => {
        log.warning("Stopping with assistant relays still queued");
      });
    },
  };
}
