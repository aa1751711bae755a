/**
 * The assistant service end to end: the real bot against the fake Discord,
 * relaying to the real `ticketeer assistant` server (started in-process on
 * 127.0.0.1, port 0) that answers from the fixture documents, and from a fake
 * model where one is configured.
 */
import assert from "node:assert/strict";
import type { AssistantConfig } from "../../src/assistant/assistant_config.ts";
import { DEFAULT_HANDOFF_PHRASES } from "../../src/assistant/assistant_config.ts";
import { startAssistant } from "../../src/assistant/start_assistant.ts";
import { startFakeModel } from "../fixtures/fake_model.ts";
import { startWorld } from "./boot.ts";
import { botMessagesIn, guildWithTicket, ticketOf } from "./world.ts";

const SECRET = "assistant-e2e-secret";
const DOCS = new URL("../fixtures/assistant_docs/", import.meta.url).pathname;

function assistantConfig(extra: Partial<AssistantConfig> = {}): AssistantConfig {
  return {
    host: "127.0.0.1",
    port: 0,
    secret: SECRET,
    model: null,
    prompt: null,
    database: ":memory:",
    docs: DOCS,
    handoffPhrases: [...DEFAULT_HANDOFF_PHRASES],
    log: { level: "info", format: "text", file: null },
    ...extra,
  };
}

Deno.test("the assistant answers a password question from the documents, and hands over on request", async () => {
  await using assistant = await startAssistant(assistantConfig());
  await using world = await startWorld({
    relay: { url: `${assistant.origin}/relay`, secret: SECRET, timeoutMs: 5000 },
  });
  const { fake, app } = world;
  const { g, opener, channel } = await guildWithTicket(world);

  fake.postMessage(channel.id, opener, "Hi, how do I reset my password?");
  const answer = await fake.waitFor(
    () =>
      botMessagesIn(fake, channel.id).find((m) => m.content.startsWith("From **Account help**")),
    5000,
    "the assistant's answer from the documents",
  );
  assert.match(answer.content, /\(Reset your password\):\n> Open \*\*Settings → Security\*\*/);
  assert.match(answer.content, /Automated answer from the ticket assistant, not from staff/);
  assert.equal((await ticketOf(app, channel.id)).assistantPaused, false);

  fake.postMessage(channel.id, opener, "That did not work. Can I talk to a human?");
  const ping = await fake.waitFor(
    () =>
      botMessagesIn(fake, channel.id).find((m) =>
        m.content.startsWith(`<@&${g.staffRole}> the member asked for a person`)
      ),
    5000,
    "the staff role pinged in the ticket",
  );
  const handoff = botMessagesIn(fake, channel.id).find((m) =>
    m.content.startsWith("I'm only the automated assistant")
  );
  assert.ok(handoff, "the assistant says staff will take over");
  assert.ok(
    botMessagesIn(fake, channel.id).indexOf(handoff) <
      botMessagesIn(fake, channel.id).indexOf(ping),
  );
  const pingCall = fake.calls.find((c) =>
    c.method === "POST" && c.path === `/channels/${channel.id}/messages` &&
    JSON.stringify(c.body).includes("the member asked for a person")
  );
  assert.deepEqual((pingCall?.body as Record<string, unknown>).allowed_mentions, {
    parse: [],
    roles: [g.staffRole],
  });
  assert.equal((await ticketOf(app, channel.id)).assistantPaused, true);
  fake.assertNoViolations();
});

Deno.test("with a model, the assistant's answer comes from the model, grounded in the documents", async () => {
  await using model = startFakeModel(() => "Use Settings → Security → Reset password.");
  await using assistant = await startAssistant(
    assistantConfig({
      model: { url: model.url, model: "test-model", apiKey: null, timeoutMs: 2000 },
    }),
  );
  await using world = await startWorld({
    relay: { url: `${assistant.origin}/relay`, secret: SECRET, timeoutMs: 5000 },
  });
  const { fake } = world;
  const { opener, channel } = await guildWithTicket(world);
  fake.postMessage(channel.id, opener, "How do I reset my password?");
  const answer = await fake.waitFor(
    () => botMessagesIn(fake, channel.id).find((m) => m.content.startsWith("Use Settings")),
    5000,
    "the model's answer",
  );
  assert.match(answer.content, /\n-# Automated answer from the ticket assistant/);
  const system = model.calls[0]?.body.messages?.[0]?.content ?? "";
  assert.match(system, /Account help — Reset your password/);
  fake.assertNoViolations();
});
