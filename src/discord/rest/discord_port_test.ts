import assert from "node:assert/strict";
import { channelId, guildId, messageId, roleId, userId } from "../../core/ids.ts";
import { DiscordRequestError } from "../../core/discord_failure.ts";
import {
  startRecordedRest,
  TEST_APPLICATION_ID,
  tokenFor,
} from "../../../tests/fixtures/rest_recorder.ts";
import { applicationIdFromToken, createDiscordPort } from "./discord_port.ts";

const APP = TEST_APPLICATION_ID;

async function setup() {
  const recorded = await startRecordedRest();
  let nonces = 0;
  const port = createDiscordPort(recorded.rest, {
    retry: { maxAttempts: 3, minTimeout: 5 },
    nonce: () => `n${++nonces}`,
  });
  return Object.assign(recorded, { port });
}

Deno.test("createDiscordRest() keeps discordeno's rate-limit queue for a custom URL", async () => {
  await using t = await setup();
  assert.equal(t.rest.isProxied, false);
  assert.equal(t.rest.baseUrl, t.recorder.baseUrl);
});

Deno.test("applicationIdFromToken() reads the id, or null for a malformed token", () => {
  assert.equal(applicationIdFromToken(tokenFor(APP)), APP);
  assert.equal(applicationIdFromToken("not-a-token"), null);
});

Deno.test("createChannel() sends Discord's JSON with overwrites as strings", async () => {
  await using t = await setup();
  t.recorder.respond((r) =>
    r.method === "POST"
      ? {
        status: 201,
        json: {
          id: "300",
          guild_id: "200",
          type: 0,
          name: "ticket-1",
          parent_id: "250",
          position: 3,
          permission_overwrites: [{ id: "200", type: 0, allow: "0", deny: "1024" }],
        },
      }
      : undefined
  );
  const channel = await t.port.createChannel(guildId("200"), {
    name: "ticket-1",
    kind: "text",
    parentId: channelId("250"),
    topic: "help",
    overwrites: [
      { id: roleId("200"), type: "role", allow: 0n, deny: 1024n },
      { id: userId("400"), type: "member", allow: (1n << 40n) | 3072n, deny: 0n },
    ],
  });
  const call = t.recorder.calls[0]!;
  assert.equal(call.path, "/guilds/200/channels");
  assert.equal(call.headers.get("authorization"), `Bot ${tokenFor(APP)}`);
  assert.deepEqual(call.json, {
    name: "ticket-1",
    type: 0,
    parent_id: "250",
    topic: "help",
    permission_overwrites: [
      { id: "200", type: 0, allow: "0", deny: "1024" },
      { id: "400", type: 1, allow: ((1n << 40n) | 3072n).toString(), deny: "0" },
    ],
  });
  assert.deepEqual(channel, {
    id: "300",
    guildId: "200",
    name: "ticket-1",
    kind: "text",
    parentId: "250",
    position: 3,
    overwrites: [{ id: "200", type: "role", allow: 0n, deny: 1024n }],
  });
});

Deno.test("sendMessage() keeps snake_case bodies and uploads files as multipart", async () => {
  await using t = await setup();
  t.recorder.respond((r) => r.method === "POST" ? { status: 200, json: { id: "555" } } : undefined);
  const plain = await t.port.sendMessage(channelId("300"), {
    content: "hi",
    allowed_mentions: { parse: [], users: ["400"] },
    components: [{ type: 1, components: [{ type: 2, style: 1, label: "Go", custom_id: "t1:x" }] }],
    embeds: [{ title: "T", author: { name: "a", icon_url: "https://x/y.png" } }],
  });
  assert.equal(plain, "555");
  assert.deepEqual(t.recorder.calls[0]!.json, {
    content: "hi",
    allowed_mentions: { parse: [], users: ["400"] },
    components: [{ type: 1, components: [{ type: 2, style: 1, label: "Go", custom_id: "t1:x" }] }],
    embeds: [{ title: "T", author: { name: "a", icon_url: "https://x/y.png" } }],
    nonce: "n1",
    enforce_nonce: true,
  });

  await t.port.sendMessage(channelId("300"), {
    content: "transcript",
    files: [{
      name: "t.html",
      data: new TextEncoder().encode("<p>x</p>"),
      contentType: "text/html",
    }],
  });
  const upload = t.recorder.calls[1]!;
  assert.deepEqual(upload.json, {
    content: "transcript",
    nonce: "n2",
    enforce_nonce: true,
    attachments: [{ id: 0, filename: "t.html" }],
  });
  assert.equal(await upload.files.get("files[0]")!.text(), "<p>x</p>");
});

Deno.test("messagesAfter() pages with after and returns oldest first", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({
    status: 200,
    json: [{ id: "1003", content: "c" }, { id: "1002", content: "b" }, { id: "999", content: "a" }],
  }));
  const page = await t.port.messagesAfter(channelId("300"), messageId("900"), 100);
  assert.deepEqual(page.map((m) => m.id), ["999", "1002", "1003"]);
  assert.equal(page[0]!.raw.content, "a");
  const call = t.recorder.calls[0]!;
  assert.equal(call.query.get("after"), "900");
  assert.equal(call.query.get("limit"), "100");
  await t.port.messagesAfter(channelId("300"), null, 500);
  assert.equal(t.recorder.calls[1]!.query.get("after"), "0");
  assert.equal(t.recorder.calls[1]!.query.get("limit"), "100");
});

Deno.test("member() and channel() return null when Discord does not know them", async () => {
  await using t = await setup();
  t.recorder.respond((r) =>
    r.path.startsWith("/guilds/")
      ? { status: 404, json: { code: 10007, message: "Unknown Member" } }
      : { status: 404, json: { code: 10003, message: "Unknown Channel" } }
  );
  assert.equal(await t.port.member(guildId("200"), userId("400")), null);
  assert.equal(await t.port.channel(channelId("300")), null);
});

Deno.test("a missing permission surfaces as a DiscordRequestError", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({
    status: 403,
    json: { code: 50013, message: "Missing Permissions" },
  }));
  const error = await t.port.deleteChannel(channelId("300")).catch((e) => e);
  assert.ok(error instanceof DiscordRequestError);
  assert.deepEqual(error.failure, { kind: "missing_permissions" });
  assert.match(error.message, /DELETE \/channels\/:id failed: missing permissions/);
});

Deno.test("5xx answers are retried with backoff, then reported unavailable", async () => {
  await using t = await setup();
  let failures = 2;
  t.recorder.respond(() =>
    failures-- > 0 ? { status: 502, json: { message: "bad gateway" } } : {
      status: 200,
      json: [{ id: "1", name: "Support", permissions: "8", position: 1, managed: false }],
    }
  );
  const roles = await t.port.roles(guildId("200"));
  assert.equal(t.recorder.calls.length, 3);
  assert.deepEqual(roles, [{
    id: "1",
    name: "Support",
    permissions: 8n,
    position: 1,
    managed: false,
  }]);

  t.recorder.respond(() => ({ status: 503, json: {} }));
  const error = await t.port.roles(guildId("200")).catch((e) => e);
  assert.deepEqual(error.failure, { kind: "unavailable", status: 503 });
  assert.equal(t.recorder.calls.length, 6);
});

Deno.test("a 429 is waited out by discordeno before the retry", async () => {
  await using t = await setup();
  let limited = true;
  t.recorder.respond(() => {
    if (limited) {
      limited = false;
      return {
        status: 429,
        json: { message: "You are being rate limited.", retry_after: 0.3, global: false },
        headers: {
          "retry-after": "0.3",
          "x-ratelimit-limit": "5",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": "0.3",
          "x-ratelimit-bucket": "abc",
          "x-ratelimit-scope": "user",
        },
      };
    }
    return { status: 200, json: { id: "7", type: 1 } };
  });
  const dm = await t.port.dmChannel(userId("400"));
  assert.equal(dm, "7");
  const [first, second] = t.recorder.calls;
  assert.ok(second!.at - first!.at >= 300, `retried after ${second!.at - first!.at} ms`);
  assert.deepEqual(second!.json, { recipient_id: "400" });
});

Deno.test("botUser() asks once and caches the answer", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({
    status: 200,
    json: { id: APP, username: "ticketeer", global_name: null, avatar: null, bot: true },
  }));
  const [a, b] = await Promise.all([t.port.botUser(), t.port.botUser()]);
  assert.deepEqual(a, {
    id: APP,
    username: "ticketeer",
    globalName: null,
    avatar: null,
    bot: true,
  });
  assert.equal(a, b);
  assert.equal(t.recorder.calls.length, 1);
});

Deno.test("editOverwrite() sends the overwrite's type and bitfields as strings", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({ status: 204 }));
  await t.port.editOverwrite(channelId("300"), {
    id: userId("400"),
    type: "member",
    allow: 3072n,
    deny: 0n,
  });
  assert.equal(t.recorder.calls[0]!.method, "PUT");
  assert.equal(t.recorder.calls[0]!.path, "/channels/300/permissions/400");
  assert.deepEqual(t.recorder.calls[0]!.json, { type: 1, allow: "3072", deny: "0" });
});

Deno.test("download() returns the bytes, or null past the size cap", async () => {
  await using t = await setup();
  const big = new Uint8Array(5000).fill(7);
  t.recorder.respond((r) =>
    r.path === "/files/small" ? new Response(new Uint8Array([1, 2, 3])) : new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.enqueue(big);
          controller.close();
        },
      }),
    )
  );
  const small = await t.port.download(`${t.recorder.origin}/api/v10/files/small`, 10);
  assert.deepEqual(small, new Uint8Array([1, 2, 3]));
  assert.equal(await t.port.download(`${t.recorder.origin}/api/v10/files/big`, 6000), null);
});
