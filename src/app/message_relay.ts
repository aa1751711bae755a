/** The assistant relay of members' messages, built from the app's services when configured. */
import { getLogger } from "@logtape/logtape";
import type { AppServices } from "./app_services.ts";
import { createRelayClient } from "../relay/relay_client.ts";
import { createRelayQueue, type RelayQueue } from "../relay/relay_queue.ts";
import { createMessageRelay as createRelay, type MessageRelay } from "../relay/relay_message.ts";

/** The relay and its queue, or null without `RELAY_URL`. */
export function createMessageRelay(
  services: AppServices,
): { relay: MessageRelay; queue: RelayQueue } | null {
  if (services.config.relay === null) return null;
  const relayLog = getLogger(["ticketeer", "relay"]);
  const { metrics } = services;
  const queue = createRelayQueue({ log: relayLog });
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
  const relay = createRelay({
    client,
    queue,
    tickets: services.stores.tickets,
    types: services.stores.types,
    settings: services.stores.settings,
    discord: services.discord,
    clock: services.clock,
    log: relayLog,
  });
  return { relay, queue };
}
