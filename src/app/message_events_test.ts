import assert from "node:assert/strict";
import { createMessageEvents } from "./message_events.ts";
import type { AppServices } from "./app_services.ts";
import { parseConfig } from "../config.ts";
import { createMetrics } from "./metrics.ts";
import { type ChannelId, channelId, type UserId, userId } from "../core/ids.ts";
import type { MessageInput } from "../core/interaction.ts";
import { systemClock } from "../lib/system_clock.ts";
import type { TicketStore } from "../core/ports.ts";
import { openTestStores, type TestStores } from "../../tests/fixtures/test_stores.ts";
import { openFor } from "../../tests/fixtures/store_suite.ts";
import { BOT_ID, RecordingDiscord, TEST_GUILD_ID } from "../../tests/fixtures/recording_discord.ts";
import { RecordingTransport } from "../../tests/fixtures/recording_transport.ts";
import { json, startBackend } from "../../tests/fixtures/relay_backend.ts";
import { SAMPLE_TOKEN } from "../../tests/fixtures/sample_token.ts";

const MEMBER = userId("300000000000000001");
const TICKET_CHANNEL = channelId("300000000000000002");
const OTHER_CHANNEL = channelId("300000000000000003");

function messageIn(channel: ChannelId, id: string, author: UserId = MEMBER) {
  const raw = {
    id,
    guild_id: TEST_GUILD_ID,
    channel_id: channel,
    author: { id: author, username: "quinn", global_name: null, avatar: null },
    content: `hello from ${id}`,
    timestamp: new Date().toISOString(),
    type: 0,
  };
  const message: MessageInput = {
    id,
    guildId: TEST_GUILD_ID,
    channelId: channel,
    author: { id: author, username: "quinn", globalName: null, avatar: null, bot: false },
    content: raw.content,
    system: false,
  };
  return { kind: "create" as const, message, raw };
}

/** A ticket of `MEMBER` opened in `channel`. */
async function openTicketIn(store: TestStores, channel: ChannelId) {
  const opened = await openFor(store, TEST_GUILD_ID, { opener: MEMBER });
  return await store.tickets.setChannel(opened.id, channel);
}

/** Services over `store` whose ticket lookups by channel are counted in `lookups.count`. */
function countingServices(store: TestStores, env: Record<string, string> = {}) {
  const lookups = { count: 0 };
  const tickets: TicketStore = Object.create(store.tickets);
  tickets.byChannel = (id) => {
    lookups.count++;
    return store.tickets.byChannel(id);
  };
  const parsed = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN, ...env });
  assert.ok(parsed.ok);
  const services: AppServices = {
    config: parsed.config,
    stores: { ...store, tickets },
    discord: new RecordingDiscord(),
    transport: new RecordingTransport(),
    clock: systemClock,
    metrics: createMetrics(),
    botUserId: BOT_ID,
  };
  return { services, lookups };
}

Deno.test("a message outside tickets costs no lookup, even with the relay on; a ticket's is archived and relayed", async () => {
  await using backend = startBackend(() => json({ reply: "" }));
  const store = await openTestStores();
  try {
    const { services, lookups } = countingServices(store, { RELAY_URL: backend.url });
    const ticket = await openTicketIn(store, TICKET_CHANNEL);

    const events = createMessageEvents(services);

    await events.hook(messageIn(OTHER_CHANNEL, "400000000000000001"), services);
    await events.close(5_000);
    assert.equal(lookups.count, 0, "no lookup for a message in no ticket");
    assert.equal(backend.received.length, 0, "nothing relayed");

    const again = createMessageEvents(services);
    await again.hook(messageIn(TICKET_CHANNEL, "400000000000000002"), services);
    await again.close(5_000);
    assert.equal(backend.received.length, 1, "the ticket's message is relayed");
    const archived = await store.archive.messages(ticket.id);
    assert.deepEqual(archived.map((m) => m.messageId), ["400000000000000002"]);
  } finally {
    await store.close();
  }
});

Deno.test("1,000 messages in ordinary channels cost no lookup; a ticket another process opened is still archived", async () => {
  const store = await openTestStores();
  try {
    const { services, lookups } = countingServices(store);
    const events = createMessageEvents(services);
    await events.ready;
    for (let i = 0; i < 1000; i++) {
      const channel = channelId(String(500000000000000000n + BigInt(i % 50)));
      await events.hook(messageIn(channel, String(600000000000000000n + BigInt(i))), services);
    }
    assert.equal(lookups.count, 0, "no lookup for messages in ordinary channels");

    // Another process opens a ticket: Discord announces the channel before anyone writes in it.
    await events.hook({
      kind: "channel_create",
      raw: { id: TICKET_CHANNEL, guild_id: TEST_GUILD_ID, type: 0, name: "ticket-1" },
    }, services);
    const ticket = await openTicketIn(store, TICKET_CHANNEL);
    await events.hook(messageIn(TICKET_CHANNEL, "700000000000000001"), services);
    await events.close(5_000);
    const archived = await store.archive.messages(ticket.id);
    assert.deepEqual(archived.map((m) => m.messageId), ["700000000000000001"]);
  } finally {
    await store.close();
  }
});
