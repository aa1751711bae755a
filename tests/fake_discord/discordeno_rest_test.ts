import assert from "node:assert/strict";
import { createRestManager } from "@discordeno/bot";
import { startFakeDiscord } from "./fake_discord.ts";

const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  fatal: () => {},
};

// discordeno's REST queue keeps cleanup timers and a one-second rate-limit sweep
// after a 429 that cannot be cancelled from outside, so this test turns off the op
// (timer) sanitizer; the resource sanitizer stays on and the fake closes all it opened.
Deno.test({
  name: "discordeno's REST manager creates a channel, sends a message and waits out a 429",
  sanitizeOps: false,
  async fn() {
    const fake = await startFakeDiscord();
    try {
      const guild = fake.createGuild({ name: "Support" });
      const rest = createRestManager({
        token: fake.token,
        proxy: { baseUrl: fake.apiUrl },
        logger: quietLogger as never,
      });
      rest.isProxied = false;
      rest.deleteQueueDelay = 10;

      const me = await rest.get<{ id: string }>("/users/@me");
      assert.equal(String(me.id), fake.botUser.id);

      const channel = await rest.createChannel(guild.id, {
        name: "Ticket 1",
        type: 0,
        permissionOverwrites: [
          { id: BigInt(guild.id), type: 0, allow: [], deny: ["VIEW_CHANNEL"] },
          {
            id: BigInt(fake.botUser.id),
            type: 1,
            allow: ["VIEW_CHANNEL", "SEND_MESSAGES"],
            deny: [],
          },
        ],
      });
      assert.equal(channel.name, "ticket-1");

      fake.inject429({ route: "POST /channels/:id/messages", count: 1, retryAfterMs: 150 });
      const message = await rest.sendMessage(channel.id, { content: "Welcome" });
      assert.equal(message.content, "Welcome");

      const posts = fake.calls.filter((c) =>
        c.route === "/channels/:id/messages" && c.method === "POST"
      );
      assert.deepEqual(posts.map((c) => c.status), [429, 200]);
      const waited = (posts[1]?.at ?? 0) - (posts[0]?.at ?? 0);
      assert.ok(waited >= 150, `retried after ${waited} ms`);
      assert.deepEqual(fake.earlyRetries(), []);
      assert.equal(fake.state.messagesIn(String(channel.id)).length, 1);
      fake.assertNoViolations();
    } finally {
      await fake.close();
    }
  },
});
