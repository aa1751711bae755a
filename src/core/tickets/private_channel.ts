/**
 * Making a ticket's private channel, for an open and for a reopen alike: the
 * overwrites first assume the bot holds what it grants (one request, the usual
 * case); only when Discord refuses are the bot's guild-wide permissions read, to
 * name what it lacks or to grant less. A refusal Discord gives for a reason the
 * member can act on comes back as the refusal to answer with.
 */
import type { HandlerContext } from "../context.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { type DiscordFailure, DiscordRequestError, isDiscordFailure } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { Channel } from "../discord_port.ts";
import type { UserId } from "../ids.ts";
import type { UserRef } from "../interaction.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { channelName } from "./channel_name.ts";
import { BOT_ALLOW, memberOverwrite, staffOnlyOverwrites, ticketOverwrites } from "./overwrites.ts";
import { createTicketChannel } from "./ticket_channel.ts";
import { markedTopic } from "./ticket_marker.ts";
import { botGuildPermissions, missingForPrivacy, privacyRefusal } from "./bot_permissions.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** Who the channel is for and how it is named. */
export interface PrivateChannelRequest {
  type: TicketType & { categoryId: NonNullable<TicketType["categoryId"]> };
  /** The opener, whose name the naming scheme may use. */
  opener: Pick<UserRef, "id" | "username">;
  /** Members added to the ticket, who get their overwrite too. */
  members?: readonly UserId[];
  /** The topic's text (the ticket's mark is added to it). */
  topic: string;
  /** The Discord locale of whoever reads a refusal. */
  locale: string;
}

/** Failures a member is told about when Discord refused to create the channel. */
const CHANNEL_FAILURES: ReadonlySet<DiscordFailure["kind"]> = new Set<DiscordFailure["kind"]>([
  "guild_channel_limit",
  "missing_permissions",
  "missing_access",
  "rate_limited",
  "unavailable",
]);

/** Creates `ticket`'s private channel; other failures than those a member can act on throw. */
export async function createPrivateChannel(
  ctx: HandlerContext,
  ticket: Ticket,
  request: PrivateChannelRequest,
): Promise<{ channel: Channel } | { reply: Reply }> {
  const { type, opener } = request;
  const locale = fromDiscordLocale(request.locale);
  const bot = await ctx.discord.botUser();
  const attempt = (botPermissions: bigint) => {
    const targets = {
      guildId: ticket.guildId,
      staffRoleIds: type.staffRoleIds,
      botId: bot.id,
      botPermissions,
    };
    const members = (request.members ?? [])
      .filter((id) => id !== opener.id && id !== bot.id)
      .map((id) => memberOverwrite(id, botPermissions));
    return createTicketChannel(ctx, {
      guildId: ticket.guildId,
      typeId: type.id,
      categoryId: type.categoryId,
      name: channelName(type.namingScheme, {
        number: ticket.number,
        username: opener.username,
        userId: opener.id,
      }),
      topic: markedTopic(request.topic, ticket.id),
      overwrites: [...ticketOverwrites({ ...targets, openerId: opener.id }), ...members],
      categoryOverwrites: staffOnlyOverwrites(targets),
    });
  };
  try {
    let created;
    try {
      created = await attempt(BOT_ALLOW);
    } catch (error) {
      if (!isDiscordFailure(error, "missing_permissions")) throw error;
      const held = await botGuildPermissions(ctx.discord, ticket.guildId, bot.id);
      const missing = missingForPrivacy(held);
      if (missing.length > 0) {
        ctx.log.warn(
          "Could not make the channel of ticket {number} in guild {guildId}: the bot lacks {missing}",
          { number: ticket.number, guildId: ticket.guildId, missing: missing.join(", ") },
        );
        return { reply: privacyRefusal(missing, "ticket_channel", { locale: request.locale }) };
      }
      created = await attempt(held);
    }
    if (created.kind === "category_missing") {
      return { reply: refuse("not_configured", t(locale, "open.category_missing")) };
    }
    return { channel: created.channel };
  } catch (error) {
    if (error instanceof DiscordRequestError && CHANNEL_FAILURES.has(error.failure.kind)) {
      ctx.log.warn("Could not create the channel of ticket {number} in guild {guildId}", {
        number: ticket.number,
        guildId: ticket.guildId,
        error,
      });
      const reply = failureRefusal(error.failure, { doing: "create_channel", locale });
      if (reply !== null) return { reply };
    }
    if (error instanceof LockTimeoutError) {
      ctx.log.warn("Could not create the channel of ticket {number} in guild {guildId}", {
        number: ticket.number,
        guildId: ticket.guildId,
        error,
      });
      return { reply: refuse("busy", t(locale, "open.busy")) };
    }
    throw error;
  }
}
