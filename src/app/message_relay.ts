/**
 * The assistant relay of members' messages, built from the app's services when
 * configured. Its code is loaded only then: without `RELAY_URL` it would only
 * take memory.
 */
import { getLogger } from "@logtape/logtape";
import type { AppServices } from "./app_services.ts";
import type { RelayQueue } from "../relay/relay_queue.ts";
import type { MessageRelay } from "../relay/relay_message.ts";

/** The relay and its queue, or null without `RELAY_URL`. */
export async function createMessageRelay(
  services: AppServices,
): Promise<{ relay: MessageRelay; queue: RelayQueue } | null> {
  if (services.config.relay === null) return null;
  const [{ createRelayClient }, { createRelayQueue }, { createMessageRelay: createRelay }] =
    await Promise.all([
      import("../relay/relay_client.ts"),
      import("../relay/relay_queue.ts"),
      import("../relay/relay_message.ts"),
    ]);
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
