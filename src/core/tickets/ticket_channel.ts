/**
 * Creating a ticket's channel under the ticket category, overflowing into
 * "<category> 2", "<category> 3", … once a category holds Discord's 50 channels.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId, GuildId } from "../ids.ts";
import { type Channel, DiscordRequestError, type Overwrite } from "../../ports.ts";

/** Discord's limit of channels in one category. */
export const CATEGORY_CAPACITY = 50;
/** How many overflow categories are tried before giving up. */
const MAX_OVERFLOW = 20;

/** Where and how to create the channel. */
export interface TicketChannelRequest {
  guildId: GuildId;
  categoryId: ChannelId;
  name: string;
  topic: string;
  overwrites: Overwrite[];
  /** Overwrites for an overflow category that has to be created. */
  categoryOverwrites: Overwrite[];
}

/** The created channel, or why none could be made (`category_missing` if the category is gone). */
export type TicketChannelResult =
  | { kind: "created"; channel: Channel }
  | { kind: "category_missing" };

function isCategoryFull(error: unknown): boolean {
  return error instanceof DiscordRequestError && error.failure.kind === "category_full";
}

/** Creates the channel; Discord failures other than a full category are thrown. */
export async function createTicketChannel(
  ctx: HandlerContext,
  request: TicketChannelRequest,
): Promise<TicketChannelResult> {
  let channels = await ctx.discord.guildChannels(request.guildId);
  const main = channels.find((c) => c.id === request.categoryId && c.kind === "category");
  if (main === undefined) return { kind: "category_missing" };
  const children = (id: ChannelId) => channels.filter((c) => c.parentId === id).length;
  const full = new Set<ChannelId>();

  for (let index = 1; index <= MAX_OVERFLOW + 1; index++) {
    const name = index === 1 ? main.name : `${main.name} ${index}`;
    let category = index === 1
      ? main
      : channels.find((c) => c.kind === "category" && c.name.toLowerCase() === name.toLowerCase());
    if (
      category !== undefined &&
      (full.has(category.id) || children(category.id) >= CATEGORY_CAPACITY)
    ) {
      continue;
    }
    if (category === undefined) {
      category = await ctx.discord.createChannel(request.guildId, {
        name,
        kind: "category",
        overwrites: request.categoryOverwrites,
      });
      channels.push(category);
      ctx.log.info("Created overflow category {name} in guild {guildId}", {
        name,
        guildId: request.guildId,
      });
    }
    try {
      const channel = await ctx.discord.createChannel(request.guildId, {
        name: request.name,
        kind: "text",
        parentId: category.id,
        topic: request.topic,
        overwrites: request.overwrites,
      });
      return { kind: "created", channel };
    } catch (error) {
      if (!isCategoryFull(error)) throw error;
      full.add(category.id);
      // Others may have made the next overflow category meanwhile: look again.
      channels = await ctx.discord.guildChannels(request.guildId);
    }
  }
  throw new Error(
    `Cannot create ticket channel in guild ${request.guildId}: ${MAX_OVERFLOW} overflow categories are full`,
  );
}
