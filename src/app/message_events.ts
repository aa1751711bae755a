/**
 * What happens to the gateway's message events: every message, edit and deletion
 * in a ticket channel goes to the live archive, and members' new messages go to
 * the assistant relay when `RELAY_URL` is set. Both are best effort and never
 * hold up the gateway.
 */
import { getLogger } from "@logtape/logtape";
import type { AppServices, MessageEvent, MessageHook } from "./app_services.ts";
import {
  archivedTicketOf,
  archiveMessageDelete,
  archiveMessageDeleteBulk,
  archiveMessageIn,
  archiveMessageUpdate,
} from "../core/tickets/archive_message.ts";
import { createRelayClient } from "../relay/relay_client.ts";
import { createRelayQueue, type RelayQueue } from "../relay/relay_queue.ts";
import { createMessageRelay, type MessageRelay } from "../relay/relay_message.ts";
import { withDeadline } from "../lib/deadline.ts";

/** The message hook and what must be closed on shutdown. */
export interface MessageEvents {
  hook: MessageHook;
  /** Waits (bounded) for relays already queued, then stops. */
  close(timeoutMs: number): Promise<void>;
}

type RawMessage = Record<string, unknown>;

/** Builds the hook from the app's services: archive always, relay when configured. */
export function createMessageEvents(services: AppServices): MessageEvents {
  const log = getLogger(["ticketeer", "archive"]);
  const archive = {
    tickets: services.stores.tickets,
    archive: services.stores.archive,
    clock: services.clock,
    log,
  };
  let relay: MessageRelay | null = null;
  let queue: RelayQueue | null = null;
  if (services.config.relay !== null) {
    const relayLog = getLogger(["ticketeer", "relay"]);
    const { metrics } = services;
    queue = createRelayQueue({ log: relayLog });
    const client = createRelayClient({
      url: services.config.relay.url,
      secret: services.config.relay.secret,
      timeoutMs: services.config.relay.timeoutMs,
      observer: {
        onResult(outcome, seconds) {
          metrics.relayRequests.inc({ outcome });
          metrics.relaySeconds.observe(seconds);
        },
        onRetry() {
          metrics.relayRetries.inc();
        },
      },
    });
    relay = createMessageRelay({
      client,
      queue,
      tickets: services.stores.tickets,
      types: services.stores.types,
      discord: services.discord,
      settings: services.stores.settings,
      clock: services.clock,
      log: relayLog,
    });
  }

  const hook: MessageHook = async (event: MessageEvent) => {
    const raw = event.raw as RawMessage;
    switch (event.kind) {
      case "create": {
        // One lookup serves both: most messages are in no ticket, and then neither
        // the archive nor the relay does anything more. The relay queues at once.
        const ticket = archivedTicketOf(raw, archive);
        relay?.onMessage(event.message, ticket.then((found) => found !== null, () => false));
        const found = await ticket;
        if (found !== null) await archiveMessageIn(found, raw, archive);
        return;
      }
      case "update":
        await archiveMessageUpdate(raw, archive);
        return;
      case "delete":
        await archiveMessageDelete(raw, archive);
        return;
      case "delete_bulk":
        await archiveMessageDeleteBulk(raw, archive);
        return;
    }
  };

  return {
    hook,
    async close(timeoutMs) {
      if (queue === null) return;
      await withDeadline(queue.close(), timeoutMs, () => {
        log.warning("Stopping with assistant relays still queued");
      });
    },
  };
}
