import assert from "node:assert/strict";
import { createBot, Intents } from "@discordeno/bot";
import { slashCommand } from "../fixtures/interactions.ts";
import { startFakeDiscord } from "./fake_discord.ts";

const quietLogger = () =>
  ({
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    fatal: () => {},
  }) as never;

// discordeno's gateway and REST queue keep timers (heartbeats, queue cleanup, the
// leaky bucket) that outlive `shutdown()`, so the op sanitizer is off here; the
// resource sanitizer stays on and proves every socket and server was closed.
Deno.test({
  name: "discordeno's bot identifies, answers an interaction, and resumes after a disconnect",
  sanitizeOps: false,
  async fn() {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 30_000 });
    const guild = fake.createGuild({ name: "Support" });
    const channel = fake.createChannel(guild, { name: "general" });
    const user = fake.createMember(guild, { username: "alice" });
    const seen: string[] = [];
    const bot = createBot({
      token: fake.token,
      intents: Intents.Guilds | Intents.GuildMessages | Intents.MessageContent,
      rest: { token: fake.token, proxy: { baseUrl: fake.apiUrl }, logger: quietLogger() },
      gateway: {
        token: fake.token,
        spawnShardDelay: 0,
        resharding: { enabled: false, shardsFullPercentage: 80, checkInterval: 28_800_000 },
        logger: quietLogger(),
      },
      loggerFactory: quietLogger,
      handlers: {
        INTERACTION_CREATE(bot, packet) {
          const d = packet.d as { id: string; token: string };
          void bot.rest.sendInteractionResponse(d.id, d.token, {
            type: 4,
            data: { content: "Hello from the bot", flags: 64 },
          });
        },
        MESSAGE_CREATE(_bot, packet) {
          seen.push((packet.d as { content: string }).content);
        },
      },
    });
    bot.rest.isProxied = false;
    try {
      await bot.start();
      await fake.waitFor(() => fake.gateway.isConnected(0), 2000, "the bot's READY");
      assert.equal(fake.gateway.identifyCount, 1);
      assert.deepEqual(fake.gateway.connectQueries, ["v=10&encoding=json"]);

      const handle = fake.interact(
        slashCommand(fake, { guild, channel, user, name: "ticket", subcommand: "new" }),
      );
      const answer = await handle.response;
      assert.equal(answer.type, 4);
      assert.equal(answer.data?.content, "Hello from the bot");
      assert.ok(answer.elapsedMs < 3000);

      fake.disconnect(0);
      fake.postMessage(channel, user, "sent while the bot was away");
      await fake.waitFor(
        () => seen.includes("sent while the bot was away"),
        3000,
        "the replayed message",
      );
      assert.equal(fake.gateway.resumeCount, 1);
      assert.equal(fake.gateway.identifyCount, 1);
      fake.assertNoViolations();
    } finally {
      await bot.shutdown();
      await fake.close();
    }
  },
});
