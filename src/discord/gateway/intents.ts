/** The gateway intents ticketeer asks for, from its configuration. */
import { GatewayIntents } from "@discordeno/bot";
import type { Config } from "../../config.ts";

/** The intents ticketeer needs: guild events, guild messages and their content. */
export const INTENTS = GatewayIntents.Guilds | GatewayIntents.GuildMessages |
  GatewayIntents.MessageContent;

/**
 * The intents of a gateway: `INTENTS`, plus the privileged Server Members intent
 * (`GUILD_MEMBER_REMOVE`) only when configured, since Discord closes a gateway
 * that asks for a privileged intent the developer portal has not turned on (4014).
 */
export function intentsFor(config: Pick<Config, "serverMembersIntent">): number {
  return config.serverMembersIntent === true ? INTENTS | GatewayIntents.GuildMembers : INTENTS;
}
