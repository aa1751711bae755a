/**
 * The properties discordeno copies from gateway payloads into its own objects.
 *
 * None. Every dispatch ticketeer acts on (INTERACTION_CREATE, MESSAGE_CREATE,
 * MESSAGE_UPDATE, MESSAGE_DELETE) and the few it counts (READY, GUILD_CREATE,
 * GUILD_DELETE) are taken raw through `handlers` overrides in `gateway.ts` and
 * parsed by our own parsers; nothing calls discordeno's computed helpers
 * (`interaction.respond` and friends), which would need id, type and token.
 * The remaining dispatches still run through discordeno's default handlers,
 * and with every property left out they build empty objects and cache nothing:
 * no members, channels or messages are kept in memory.
 */
import type { RecursivePartial, TransformersDesiredProperties } from "@discordeno/bot";

/** discordeno's `desiredProperties`: deliberately empty (see the module comment). */
export const DESIRED_PROPERTIES = {} as const satisfies RecursivePartial<
  TransformersDesiredProperties
>;
