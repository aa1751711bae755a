/**
 * Where a type's tickets live: a private channel in its category, or a private
 * thread in its parent channel (`mode: thread`). Chosen once, when a ticket opens;
 * a type missing what its mode needs is refused with what to set.
 */
import type { DiscordPort } from "../discord_port.ts";
import type { InteractionInput } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import { type Refusal, refuse } from "../refusal.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** A type whose tickets have a place: its category (channel mode) or parent channel (thread mode). */
export type PlacedType =
  | TicketType & { mode: "channel"; categoryId: ChannelId }
  | TicketType & { mode: "thread"; parentChannelId: ChannelId };

/** `type` with its place, or the refusal that says what an admin must set. */
export function placeTickets(
  type: TicketType,
  input: Pick<InteractionInput, "locale">,
): PlacedType | Refusal {
  if (type.mode === "thread") {
    const parentChannelId = type.parentChannelId;
    if (parentChannelId === null) {
      return refuse("not_configured", t(fromDiscordLocale(input.locale), "thread.parent_missing"));
    }
    return { ...type, mode: "thread", parentChannelId };
  }
  const categoryId = type.categoryId;
  if (categoryId === null) {
    return refuse("not_configured", t(fromDiscordLocale(input.locale), "open.not_configured"));
  }
  return { ...type, mode: "channel", categoryId };
}

/** True when `value` is a refusal rather than a placed type. */
export function isRefusal(value: PlacedType | Refusal): value is Refusal {
  return "kind" in value && value.kind === "refused";
}

/**
 * True when the ticket living in `channelId` is a thread (asked of Discord, since
 * a type's mode may have changed since the ticket opened); false for a channel,
 * or when it is gone.
 */
export async function livesInThread(
  discord: Pick<DiscordPort, "channel">,
  channelId: ChannelId,
): Promise<boolean> {
  const channel = await discord.channel(channelId);
  return channel?.kind === "thread";
}
