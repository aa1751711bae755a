/**
 * The whole bot behind a rate-limiting REST proxy (`DISCORD_API_PROXY=on`): it
 * starts, connects, and serves a ticket with every request carrying the proxy's
 * `Authorization`, never the bot token, and nothing the proxy must refuse.
 */
import assert from "node:assert/strict";
import { startTicketeer } from "../../src/app/start.ts";
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { startFakeProxy } from "../fixtures/fake_proxy.ts";
import { configFor, httpOrigin, testStartOptions } from "./boot.ts";
import { answerOf, linkedChannel, postPanel, pressPanel, setUpGuild } from "./world.ts";

const SECRET = "Proxy e2e-secret";

Deno.test("behind a REST proxy the bot opens a ticket sending only the proxy's Authorization", async () => {
  const fake = await startFakeDiscord();
  await using proxy = startFakeProxy({
    upstream: fake.apiUrl,
    botToken: fake.token,
    authorization: SECRET,
  });
  try {
    const app = await startTicketeer(
      {
        ...configFor(fake, { http: true }),
        discordApiUrl: proxy.apiUrl,
        apiProxy: { authorization: SECRET },
      },
      testStartOptions(),
    );
    try {
      await app.ready;
      const health = await (await fetch(`${httpOrigin(app)}/health`)).json();
      assert.equal(health.pacing, "proxy");

      const g = await setUpGuild(fake, 1);
      const panel = await postPanel(g);
      const answer = await answerOf(pressPanel(g, panel, g.members[0]!));
      assert.match(answer.text, /Your ticket is open/, answer.text);
      linkedChannel(g, answer);

      assert.ok(proxy.received.length > 5, "the bot's requests went through the proxy");
      assert.deepEqual(proxy.received.filter((r) => r.answeredBy !== null), []);
      assert.ok(proxy.received.every((r) => r.authorization === SECRET));
      assert.equal(app.rest.queues.size, 0, "no rate-limit queue of its own");
      fake.assertNoViolations();
    } finally {
      await app.stop();
    }
  } finally {
    await fake.close();
  }
});
