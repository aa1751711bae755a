/**
 * The glue between the gateway shell and the rest of the app: interactions go
 * to the runner (or get a polite answer when the handlers do not take them),
 * message events, channel creations and deletions and shard sessions to the
 * message hook, guild joins and leaves to the database, shard state to the
 * metrics.
 */
import { getLogger } from "@logtape/logtape";
import type { RetentionStore, SettingsStore } from "../core/ports.ts";
import type { GatewayHooks } from "../discord/gateway/gateway.ts";
import type { GatewayClosedError } from "../discord/gateway/gateway_closed_error.ts";
import { parseMessage } from "../discord/gateway/parse_message.ts";
import {
  type ParsedInteraction,
  parseInteraction,
} from "../discord/interactions/parse_interaction.ts";
import {
  type InFlight,
  runInteraction,
  type RunInteractionDeps,
} from "../discord/interactions/run_interaction.ts";
import type { InteractionTransport } from "../discord/interactions/interaction_transport.ts";
import { ignoredAnswer } from "../discord/interactions/interaction_response.ts";
import type { MessageEvent } from "./app_services.ts";
import type { Metrics } from "./metrics.ts";
import { createLeftGuilds } from "./left_guilds.ts";

/** What the gateway hooks hand work to. */
export interface GatewayHookDeps {
  run: RunInteractionDeps;
  transport: InteractionTransport;
  inFlight: InFlight;
  settings: Pick<SettingsStore, "meta" | "setMeta" | "metaWithPrefix">;
  /** Where departures are dated, for deleting a left guild's data later. */
  retention: Pick<RetentionStore, "recordDeparture" | "cancelDeparture">;
  metrics: Metrics;
  /** Where message events go (tracked, never awaited by the gateway). */
  deliverMessage: (event: MessageEvent) => void;
  /** Discord closed the gateway for good. */
  onFatalClose: (error: GatewayClosedError) => void;
}

/** Builds the gateway's hooks over `deps`. */
export function createGatewayHooks(deps: GatewayHookDeps): GatewayHooks {
  const { inFlight, deliverMessage } = deps;
  const leftGuilds = createLeftGuilds(deps.settings, deps.retention);
  const log = getLogger(["ticketeer", "gateway"]);
  const remember = (what: string, work: Promise<void>) => {
    inFlight.track(work).catch((error: unknown) =>
      log.warning(`Cannot record ${what}: {error}`, { error })
    );
  };
  return {
    onInteraction(raw) {
      if (inFlight.closed) return;
      const input = parseInteraction(raw);
      if (input.kind === "ping") return;
      if (input.kind === "ignored") {
        inFlight.track(answerIgnored(input, deps.transport));
        return;
      }
      inFlight.track(runInteraction(input, deps.run));
    },
    onMessageCreate(raw) {
      const message = parseMessage(raw);
      if (message !== null) deliverMessage({ kind: "create", message, raw });
    },
    onMessageUpdate: (raw) => deliverMessage({ kind: "update", raw }),
    onMessageDelete: (raw) => deliverMessage({ kind: "delete", raw }),
    onMessageDeleteBulk: (raw) => deliverMessage({ kind: "delete_bulk", raw }),
    onChannelCreate: (raw) => deliverMessage({ kind: "channel_create", raw }),
    onChannelDelete: (raw) => deliverMessage({ kind: "channel_delete", raw }),
    onMemberRemove: (raw) => deliverMessage({ kind: "member_remove", raw }),
    onShardSession: (event) => deliverMessage({ kind: "session", event }),
    onStateChange: (state) => deps.metrics.gatewayUp.set(state === "connected" ? 1 : 0),
    onGuildCreate(guildId) {
      if (inFlight.closed) return;
      remember("a guild the bot is in again", leftGuilds.markBack(guildId));
    },
    onGuildDelete(guildId) {
      if (inFlight.closed) return;
      log.info("The bot left guild {guildId}; reconciliation skips it from now on", { guildId });
      remember("a guild the bot left", leftGuilds.markLeft(guildId));
    },
    onFatalClose: deps.onFatalClose,
  };
}

/** Answers an interaction the handlers do not take (a DM, an unreadable payload). */
async function answerIgnored(
  ignored: Extract<ParsedInteraction, { kind: "ignored" }>,
  transport: InteractionTransport,
): Promise<void> {
  const log = getLogger(["ticketeer", "interaction"]);
  log.debug("Ignoring an interaction: {reason}", { reason: ignored.reason });
  // Commands, components and modals must be answered; pings and autocomplete need not.
  if (ignored.id === null || ignored.token === null || ignored.answer !== "message") return;
  const answer = ignoredAnswer(ignored);
  if (answer.type === 8) return;
  try {
    await transport.callback(ignored.id, ignored.token, answer);
  } catch (error) {
    log.warning("Could not answer an ignored interaction: {error}", { error });
  }
}
