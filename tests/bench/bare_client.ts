/**
 * A bare discordeno client for comparison: the same intents as ticketeer,
 * minimal `desiredProperties`, discordeno's own message handling and an empty
 * `messageCreate`. Reads `DISCORD_TOKEN` and `DISCORD_API_URL`.
 */
import { createBot, GatewayIntents } from "@discordeno/bot";

const token = Deno.env.get("DISCORD_TOKEN") ?? "";
const bot = createBot({
  token,
  intents: GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent,
  desiredProperties: { message: { id: true, content: true, channelId: true } },
  rest: { proxy: { baseUrl: Deno.env.get("DISCORD_API_URL") ?? "" } },
  events: { messageCreate: () => {} },
});
bot.rest.isProxied = false;
await bot.start();
