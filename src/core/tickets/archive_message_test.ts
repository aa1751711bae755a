import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import type { ChannelId, UserId } from "../ids.ts";
import {
  type ArchiveContext,
  archiveMessageCreate,
  archiveMessageDelete,
  archiveMessageDeleteBulk,
  archiveMessageUpdate,
} from "./archive_message.ts";
import { openTestStores } from "../../../tests/fixtures/test_stores.ts";
import { openFor } from "../../../tests/fixtures/store_suite.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";

const CHANNEL = "500000000000000001" as ChannelId;
const OPENER = "300000000000000001" as UserId;
const NOW = new Date(Date.UTC(2026, 1, 1, 12));

async function setup() {
  const test = await openTestStores();
  const opened = await openFor(test, TEST_GUILD_ID, { opener: OPENER });
  const ticket = await test.tickets.setChannel(opened.id, CHANNEL);
  const ctx: ArchiveContext = {
    tickets: test.tickets,
    archive: test.archive,
    clock: { now: () => NOW },
    log: getLogger(["ticketeer", "test"]),
  };
  return { test, ticket, ctx };
}

function created(id: string, content: string, channel: string = CHANNEL) {
  return {
    id,
    guild_id: TEST_GUILD_ID,
    channel_id: channel,
    content,
    timestamp: "2026-02-01T11:00:00.000Z",
    edited_timestamp: null,
    author: { id: OPENER, username: "olivia" },
  };
}

Deno.test("archiveMessageCreate() records messages of ticket channels only", async () => {
  const { test, ticket, ctx } = await setup();
  try {
    await archiveMessageCreate(created("600000000000000001", "hello"), ctx);
    await archiveMessageCreate(
      created("600000000000000002", "elsewhere", "500000000000000009"),
      ctx,
    );
    await archiveMessageCreate(
      { ...created("600000000000000003", "dm"), guild_id: undefined },
      ctx,
    );
    await archiveMessageCreate({ ...created("not-an-id", "bad") }, ctx);
    const archived = await test.archive.messages(ticket.id);
    assert.deepEqual(archived.map((m) => m.messageId), ["600000000000000001"]);
    assert.equal(archived[0]?.authorId, OPENER);
    assert.equal(archived[0]?.createdAt.toISOString(), "2026-02-01T11:00:00.000Z");
    assert.equal(JSON.parse(archived[0]?.payload ?? "{}").content, "hello");
  } finally {
    await test.close();
  }
});

Deno.test("archiveMessageUpdate() records edits and skips embed-only updates", async () => {
  const { test, ticket, ctx } = await setup();
  try {
    await archiveMessageCreate(created("600000000000000001", "helo"), ctx);
    await archiveMessageUpdate({ ...created("600000000000000001", "helo"), embeds: [{}] }, ctx);
    let [message] = await test.archive.messages(ticket.id);
    assert.equal(message?.editedAt, null);
    await archiveMessageUpdate({
      ...created("600000000000000001", "hello"),
      edited_timestamp: "2026-02-01T11:05:00.000Z",
    }, ctx);
    [message] = await test.archive.messages(ticket.id);
    assert.equal(message?.editedAt?.toISOString(), "2026-02-01T11:05:00.000Z");
    assert.equal(JSON.parse(message?.payload ?? "{}").content, "hello");
  } finally {
    await test.close();
  }
});

Deno.test("archiveMessageDelete() marks deleted messages, one at a time or in bulk", async () => {
  const { test, ticket, ctx } = await setup();
  try {
    for (const id of ["600000000000000001", "600000000000000002", "600000000000000003"]) {
      await archiveMessageCreate(created(id, id), ctx);
    }
    const where = { guild_id: TEST_GUILD_ID, channel_id: CHANNEL };
    await archiveMessageDelete({ id: "600000000000000001", ...where }, ctx);
    await archiveMessageDeleteBulk({ ids: ["600000000000000003", "x"], ...where }, ctx);
    const archived = await test.archive.messages(ticket.id);
    assert.deepEqual(
      archived.map((m) => [m.messageId, m.deletedAt?.toISOString() ?? null]),
      [
        ["600000000000000001", NOW.toISOString()],
        ["600000000000000002", null],
        ["600000000000000003", NOW.toISOString()],
      ],
    );
  } finally {
    await test.close();
  }
});

Deno.test("archiveMessageCreate() ignores channels of closed tickets", async () => {
  const { test, ticket, ctx } = await setup();
  try {
    await test.tickets.beginClose(ticket.id, OPENER, null);
    await test.tickets.finishClose(ticket.id, NOW);
    await archiveMessageCreate(created("600000000000000001", "late"), ctx);
    assert.deepEqual(await test.archive.messages(ticket.id), []);
  } finally {
    await test.close();
  }
});
