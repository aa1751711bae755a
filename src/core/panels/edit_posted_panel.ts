/**
 * Edits a posted panel's message in place (never reposted), with the types it
 * offers that still exist, in its order: what `/panel edit` and an imported
 * configuration file both do.
 */
import type { DiscordPort } from "../discord_port.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import type { Panel, TicketType } from "../model.ts";
import type { TypeStore } from "../ports.ts";
import { panelMessage } from "./panel_message.ts";

/** The types the panel was drawn with, or why it could not be. */
export type PanelEditOutcome =
  | { kind: "edited"; types: TicketType[] }
  | { kind: "no_types" }
  | { kind: "message_gone" };

/** Draws `panel` (with its changes applied already) over its posted message. */
export async function editPostedPanel(
  ctx: { discord: Pick<DiscordPort, "editMessage">; types: Pick<TypeStore, "get"> },
  panel: Panel,
): Promise<PanelEditOutcome> {
  const types: TicketType[] = [];
  for (const id of panel.typeIds) {
    const type = await ctx.types.get(id);
    if (type !== null) types.push(type);
  }
  if (types.length === 0) return { kind: "no_types" };
  try {
    await ctx.discord.editMessage(panel.channelId, panel.messageId, panelMessage(panel, types));
  } catch (error) {
    if (error instanceof DiscordRequestError && error.failure.kind === "unknown_message") {
      return { kind: "message_gone" };
    }
    throw error;
  }
  return { kind: "edited", types };
}
