/**
 * Creating a ticket's channel under the ticket category, overflowing into
 * "<category> 2", "<category> 3", ... once a category holds Discord's 50 channels.
 * The usual open is one request: the channel goes straight into the category
 * that took the last one (remembered in the database); the guild's channels are
 * listed only when Discord answers that the category is full or gone. A ticket
 * moved to another type is placed by the same overflow rule (`placeInCategory`).
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId, GuildId } from "../ids.ts";
import type { TicketTypeId } from "../model.ts";
import type { Channel, Overwrite } from "../discord_port.ts";
import type { LockOptions } from "../ports.ts";
import { DiscordRequestError, isDiscordFailure } from "../discord_failure.ts";

/** Discord's limit of channels in one category. */
export const CATEGORY_CAPACITY = 50;
/** How many overflow categories are tried before giving up. */
const MAX_OVERFLOW = 20;
/**
 * The database lock around "find or create the overflow category": the work is
 * one or two Discord requests, so 30 s covers it even through rate limits (and
 * it is renewed meanwhile); an open waits up to 10 s for it, well inside the
 * 15 minutes its deferred answer may take.
 */
const OVERFLOW_LOCK: LockOptions = { ttlMs: 30_000, waitMs: 10_000 };

/** Where and how to create the channel. */
export interface TicketChannelRequest {
  guildId: GuildId;
  typeId: TicketTypeId;
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

/** The settings key of the category that took a type's last ticket channel. */
export function currentCategoryKey(typeId: TicketTypeId): string {
  return `tickets.category.${typeId}`;
}

/** True for Discord's answer to a `parent_id` that is no category (a deleted one). */
function isBadParent(error: unknown): boolean {
  return isDiscordFailure(error, "unknown_channel") ||
    (error instanceof DiscordRequestError && error.failure.kind === "other" &&
      error.failure.code === 50035);
}

/**
 * Creates the channel; Discord failures other than a full category are thrown, and
 * `LockTimeoutError` when other opens kept the overflow lock for the whole wait.
 */
export async function createTicketChannel(
  ctx: HandlerContext,
  request: TicketChannelRequest,
): Promise<TicketChannelResult> {
  const key = currentCategoryKey(request.typeId);
  const remembered = await ctx.settings.meta(key);
  const first = remembered !== null && remembered !== "" ? remembered as ChannelId : null;
  const create = (parentId: ChannelId) =>
    ctx.discord.createChannel(request.guildId, {
      name: request.name,
      kind: "text",
      parentId,
      topic: request.topic,
      overwrites: request.overwrites,
    });
  const remember = async (categoryId: ChannelId) => {
    const value = categoryId === request.categoryId ? "" : categoryId;
    if ((remembered ?? "") !== value) await ctx.settings.setMeta(key, value);
  };

  const tried = first ?? request.categoryId;
  try {
    const channel = await create(tried);
    await remember(tried);
    return { kind: "created", channel };
  } catch (error) {
    if (!isDiscordFailure(error, "category_full") && !isBadParent(error)) throw error;
    if (isBadParent(error) && tried === request.categoryId) {
      // Confirm it is the category that is gone, not something else in the request.
      const channels = await ctx.discord.guildChannels(request.guildId);
      if (!channels.some((c) => c.id === request.categoryId && c.kind === "category")) {
        return { kind: "category_missing" };
      }
      throw error;
    }
  }
  return await placeInCategory(ctx, request, first === null ? [request.categoryId] : [first], {
    create,
    remember,
  });
}

/** Where a channel goes: the type's category and its overflow categories. */
export interface PlacementRequest {
  guildId: GuildId;
  categoryId: ChannelId;
  /** Overwrites for an overflow category that has to be created. */
  categoryOverwrites: Overwrite[];
  /** The category a moving channel is in now: it has room for it whatever its count. */
  currentParentId?: ChannelId | null;
}

/**
 * Puts a channel (`ops.create`: made or moved there) into the first of the
 * category, "<category> 2", ... that has room, creating the next overflow
 * category when all are full.
 */
export async function placeInCategory(
  ctx: HandlerContext,
  request: PlacementRequest,
  knownFull: ChannelId[],
  ops: {
    create: (parentId: ChannelId) => Promise<Channel>;
    remember: (categoryId: ChannelId) => Promise<void>;
  },
): Promise<TicketChannelResult> {
  let channels = await ctx.discord.guildChannels(request.guildId);
  const main = channels.find((c) => c.id === request.categoryId && c.kind === "category");
  if (main === undefined) return { kind: "category_missing" };
  const full = new Set<ChannelId>(knownFull);
  const isFull = (id: ChannelId) =>
    full.has(id) ||
    (id !== request.currentParentId &&
      channels.filter((c) => c.parentId === id).length >= CATEGORY_CAPACITY);
  const categoryNamed = (name: string) =>
    channels.find((c) => c.kind === "category" && c.name.toLowerCase() === name.toLowerCase());

  for (let index = 1; index <= MAX_OVERFLOW + 1; index++) {
    const name = index === 1 ? main.name : `${main.name} ${index}`;
    let category = index === 1 ? main : categoryNamed(name);
    if (category !== undefined && isFull(category.id)) continue;
    if (category === undefined) {
      // Many members opening tickets while a category fills up would each create
      // "<category> 2": the first takes the lock and creates it, the others find it.
      category = await ctx.locks.withLock(
        `overflow:${request.guildId}`,
        OVERFLOW_LOCK,
        async () => {
          // Look again: an open that went first (here or in another process) may have made it.
          channels = await ctx.discord.guildChannels(request.guildId);
          const made = categoryNamed(name);
          if (made !== undefined) return made;
          const created = await ctx.discord.createChannel(request.guildId, {
            name,
            kind: "category",
            overwrites: request.categoryOverwrites,
          });
          channels.push(created);
          ctx.log.info("Created overflow category {name} in guild {guildId}", {
            name,
            guildId: request.guildId,
          });
          return created;
        },
      );
      if (isFull(category.id)) continue;
    }
    try {
      const channel = await ops.create(category.id);
      await ops.remember(category.id);
      return { kind: "created", channel };
    } catch (error) {
      if (!isDiscordFailure(error, "category_full")) throw error;
      full.add(category.id);
      // Others may have made the next overflow category meanwhile: look again.
      channels = await ctx.discord.guildChannels(request.guildId);
    }
  }
  throw new Error(
    `Cannot create ticket channel in guild ${request.guildId}: ${MAX_OVERFLOW} overflow categories are full`,
  );
}
