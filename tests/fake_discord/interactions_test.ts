import assert from "node:assert/strict";
import { buttonPress, modalSubmit, slashCommand } from "../fixtures/interactions.ts";
import { type FakeDiscord, startFakeDiscord } from "./fake_discord.ts";
import { DEFAULT_EVERYONE_PERMISSIONS, TYPICAL_BOT_PERMISSIONS } from "./state.ts";
import { identify } from "./test_socket.ts";

function callback(fake: FakeDiscord, id: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10/interactions/${id}/${token}/callback?with_response=false`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function webhook(
  fake: FakeDiscord,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function setup(fake: FakeDiscord) {
  const guild = fake.createGuild({ name: "g" });
  const channel = fake.createChannel(guild, { name: "general" });
  const user = fake.createMember(guild, { username: "alice" });
  return { guild, channel, user };
}

Deno.test("interact() delivers INTERACTION_CREATE on the gateway with computed permissions", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  const client = await identify(fake);
  try {
    await client.next((p) => p.t === "READY");
    const staff = fake.createRole(place.guild, { name: "Staff", permissions: 1n << 5n });
    const handle = fake.interact(
      slashCommand(fake, {
        ...place,
        name: "ticket",
        subcommand: "add",
        options: { user: { user: place.user }, staff: { role: staff } },
      }),
    );
    const packet = await client.next((p) => p.t === "INTERACTION_CREATE");
    assert.equal(packet.d.id, handle.id);
    assert.equal(packet.d.data.options[0].name, "add");
    assert.equal(packet.d.data.resolved.users[place.user.id].username, "alice");
    assert.equal(packet.d.data.resolved.roles[staff.id].name, "Staff");
    assert.equal(
      packet.d.app_permissions,
      String(TYPICAL_BOT_PERMISSIONS | DEFAULT_EVERYONE_PERMISSIONS),
    );
    assert.notEqual(BigInt(packet.d.member.permissions) & (1n << 10n), 0n);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("an interaction is answered once: a second callback gets 40060", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const handle = fake.interact(
      slashCommand(fake, { ...place, name: "ticket", subcommand: "new" }),
    );
    const first = await callback(fake, handle.id, handle.token, {
      type: 4,
      data: { content: "Opened", flags: 64 },
    });
    assert.equal(first.status, 204);
    const answer = await handle.response;
    assert.equal(answer.type, 4);
    assert.equal(answer.data?.content, "Opened");
    assert.ok(answer.elapsedMs >= 0);
    // Ephemeral answers never enter the channel's history.
    assert.equal(fake.state.messagesIn(place.channel.id).length, 0);
    const second = await callback(fake, handle.id, handle.token, {
      type: 4,
      data: { content: "Again" },
    });
    assert.equal(second.status, 400);
    assert.equal((await second.json()).code, 40060);
    assert.equal(fake.violations[0]?.kind, "already_acknowledged");
  } finally {
    await fake.close();
  }
});

Deno.test("a first answer after the deadline gets 10062 and is a deadline violation", async () => {
  const fake = await startFakeDiscord({ interactionDeadlineMs: 40 });
  const place = setup(fake);
  try {
    const handle = fake.interact(
      slashCommand(fake, { ...place, name: "ticket", subcommand: "new" }),
    );
    await assert.rejects(handle.response, /no answer within 40 ms/);
    const late = await callback(fake, handle.id, handle.token, { type: 5 });
    assert.equal(late.status, 404);
    assert.equal((await late.json()).code, 10062);
    assert.ok(fake.violations.filter((v) => v.kind === "deadline").length >= 2);
  } finally {
    await fake.close();
  }
});

Deno.test("a deferred answer is edited through @original and followed up", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const handle = fake.interact(
      slashCommand(fake, { ...place, name: "ticket", subcommand: "new" }),
    );
    assert.equal(
      (await callback(fake, handle.id, handle.token, { type: 5, data: { flags: 64 } })).status,
      204,
    );
    assert.equal((await handle.response).type, 5);
    const edited = await webhook(fake, "PATCH", `${handle.token}/messages/@original`, {
      content: "Your ticket: <#1>",
    });
    assert.equal(edited.status, 200);
    assert.equal((await edited.json()).content, "Your ticket: <#1>");
    const event = await handle.waitForEvent("edit_original", 1000);
    assert.deepEqual(event.body, { content: "Your ticket: <#1>" });
    const followUp = await webhook(fake, "POST", handle.token, { content: "More", flags: 64 });
    assert.equal(followUp.status, 200);
    await handle.waitForEvent("follow_up", 1000);
    const original = await webhook(fake, "GET", `${handle.token}/messages/@original`);
    assert.equal((await original.json()).flags & 64, 64);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("a button press can update its message (type 7) and a modal can be shown (type 9)", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const panel = fake.state.addMessage(place.channel.id, fake.botUser.id, {
      content: "Panel",
      components: [{
        type: 1,
        components: [{ type: 2, style: 1, label: "Open", custom_id: "tt:v1:open" }],
      }],
    });
    const press = fake.interact(
      buttonPress(fake, { ...place, customId: "tt:v1:open", messageId: panel.id }),
    );
    assert.equal(
      (await callback(fake, press.id, press.token, { type: 7, data: { content: "Updated" } }))
        .status,
      204,
    );
    assert.equal(fake.state.findMessage(place.channel.id, panel.id)?.content, "Updated");
    const modalPress = fake.interact(
      buttonPress(fake, { ...place, customId: "tt:v1:open", messageId: panel.id }),
    );
    const modal = {
      type: 9,
      data: {
        custom_id: "tt:v1:form",
        title: "Open a ticket",
        components: [{
          type: 18,
          label: "Topic",
          component: { type: 4, custom_id: "topic", style: 1 },
        }],
      },
    };
    assert.equal((await callback(fake, modalPress.id, modalPress.token, modal)).status, 204);
    const submit = fake.interact(
      modalSubmit(fake, { ...place, customId: "tt:v1:form", fields: { topic: "Help" } }),
    );
    const data = submit.payload.data as {
      components: { type: number; component: { value: string } }[];
    };
    assert.equal(data.components[0]?.type, 18, "a submitted Label carries its component back");
    assert.equal(data.components[0]?.component.value, "Help");
    assert.equal(
      (await callback(fake, submit.id, submit.token, { type: 4, data: { content: "ok" } })).status,
      204,
    );
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("a modal Label without its one component is refused like Discord does", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const panel = fake.state.addMessage(place.channel.id, fake.botUser.id, { content: "Panel" });
    const press = fake.interact(
      buttonPress(fake, { ...place, customId: "tt:v1:open", messageId: panel.id }),
    );
    const modal = (label: Record<string, unknown>) => ({
      type: 9,
      data: { custom_id: "tt:v1:form", title: "Open a ticket", components: [label] },
    });
    const missing = await callback(
      fake,
      press.id,
      press.token,
      modal({ type: 18, label: "Topic" }),
    );
    assert.equal(missing.status, 400);
    await missing.body?.cancel();
    const tooLong = await callback(
      fake,
      press.id,
      press.token,
      modal({
        type: 18,
        label: "x".repeat(46),
        component: { type: 4, custom_id: "topic", style: 1 },
      }),
    );
    assert.equal(tooLong.status, 400, "a label holds at most 45 characters");
    await tooLong.body?.cancel();
  } finally {
    await fake.close();
  }
});

Deno.test("a callback type the interaction does not allow is refused and recorded", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const handle = fake.interact(slashCommand(fake, { ...place, name: "ticket" }));
    const response = await callback(fake, handle.id, handle.token, {
      type: 7,
      data: { content: "x" },
    });
    assert.equal(response.status, 400);
    assert.equal(fake.schemaViolations.length, 1);
  } finally {
    await fake.close();
  }
});

/** A minimal HTTP interactions endpoint that verifies Ed25519 like the bot must. */
function startVerifier(publicKeyHex: string) {
  const raw = new Uint8Array(publicKeyHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const keyPromise = crypto.subtle.importKey("raw", raw, "Ed25519", false, ["verify"]);
  return Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const signature = request.headers.get("x-signature-ed25519") ?? "";
    const timestamp = request.headers.get("x-signature-timestamp") ?? "";
    const body = await request.text();
    const sig = new Uint8Array((signature.match(/../g) ?? []).map((h) => parseInt(h, 16)));
    const ok = await crypto.subtle.verify(
      "Ed25519",
      await keyPromise,
      sig,
      new TextEncoder().encode(timestamp + body),
    );
    if (!ok || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
      return new Response("invalid", { status: 401 });
    }
    const payload = JSON.parse(body);
    if (payload.type === 1) return Response.json({ type: 1 });
    return Response.json({ type: 4, data: { content: "pong", flags: 64 } });
  });
}

Deno.test("interactHttp() signs with Ed25519: valid answers in the body, bad and stale get 401", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  const server = startVerifier(fake.publicKey);
  const url = `http://127.0.0.1:${server.addr.port}/interactions`;
  try {
    const ping = await fake.interactHttp(url, { type: 1 });
    assert.deepEqual(ping.body, { type: 1 });
    const valid = await fake.interactHttp(url, slashCommand(fake, { ...place, name: "ticket" }));
    assert.equal(valid.status, 200);
    const answer = await valid.handle.response;
    assert.equal(answer.via, "http");
    assert.equal(answer.data?.content, "pong");
    const bad = await fake.interactHttp(url, slashCommand(fake, { ...place, name: "ticket" }), {
      signature: "bad",
    });
    assert.equal(bad.status, 401);
    const stale = await fake.interactHttp(url, slashCommand(fake, { ...place, name: "ticket" }), {
      signature: "stale",
    });
    assert.equal(stale.status, 401);
    fake.assertNoViolations();
  } finally {
    await server.shutdown();
    await fake.close();
  }
});

Deno.test("a camelCase field in an HTTP-body answer is recorded as one Discord does not read", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    () => Response.json({ type: 4, data: { content: "pong", allowedMentions: { parse: [] } } }),
  );
  try {
    const sent = await fake.interactHttp(
      `http://127.0.0.1:${server.addr.port}/interactions`,
      slashCommand(fake, { ...place, name: "ticket" }),
    );
    assert.equal((await sent.handle.response).data?.content, "pong");
    assert.throws(() => fake.assertNoViolations(), /does not read .*: data\.allowedMentions/);
  } finally {
    await server.shutdown();
    await fake.close();
  }
});

Deno.test("an expired interaction refuses late answers (10062) and edits (50027)", async () => {
  const fake = await startFakeDiscord();
  const place = setup(fake);
  try {
    const answered = fake.interact(slashCommand(fake, { ...place, name: "ticket" }));
    const first = await callback(fake, answered.id, answered.token, { type: 5 });
    await first.body?.cancel();
    answered.expire();
    const edit = await webhook(fake, "PATCH", `${answered.token}/messages/@original`, {
      content: "late",
    });
    assert.equal(edit.status, 401);
    assert.equal((await edit.json()).code, 50027);

    const unanswered = fake.interact(slashCommand(fake, { ...place, name: "ticket" }));
    unanswered.expire();
    await assert.rejects(unanswered.response, /expired/);
    const late = await callback(fake, unanswered.id, unanswered.token, { type: 5 });
    assert.equal((await late.json()).code, 10062);
  } finally {
    await fake.close();
  }
});

Deno.test("an edit of @original sent before an HTTP-body answer was processed gets 10015", async () => {
  const fake = await startFakeDiscord({ httpAnswerLagMs: 200 });
  const place = setup(fake);
  const edits: Promise<Response>[] = [];
  // A bot that answers in the body and edits at once, as Discord warns against.
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const payload = await req.json() as { token: string };
    edits.push(webhook(fake, "PATCH", `${payload.token}/messages/@original`, { content: "done" }));
    return Response.json({ type: 5 });
  });
  try {
    const sent = await fake.interactHttp(
      `http://127.0.0.1:${server.addr.port}/interactions`,
      slashCommand(fake, { ...place, name: "ticket" }),
    );
    assert.equal(sent.status, 200);
    const early = await edits[0]!;
    assert.equal(early.status, 404);
    assert.equal((await early.json()).code, 10015);
    await sent.handle.response;
    const later = await webhook(fake, "PATCH", `${sent.handle.token}/messages/@original`, {
      content: "done",
    });
    assert.equal(later.status, 200);
    await later.body?.cancel();
  } finally {
    await server.shutdown();
    await fake.close();
  }
});
