import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";
import { postAsBot } from "./bot_post.ts";

const post = postAsBot;

Deno.test("a repeated enforced nonce returns the first message instead of a new one", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "logs" });
    const body = { content: "summary", nonce: "tclog1-123", enforce_nonce: true };
    const first = await (await post(fake, channel.id, body)).json();
    const again = await (await post(fake, channel.id, body)).json();
    assert.equal(again.id, first.id);
    // Without enforce_nonce, Discord creates a new message every time.
    await (await post(fake, channel.id, { ...body, enforce_nonce: false })).body?.cancel();
    assert.equal(fake.state.messagesIn(channel.id).length, 2);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("holdNext() withholds a request before or after it takes effect", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "logs" });
    const before = fake.holdNext({ route: "POST /channels/:id/messages" });
    const pending = post(fake, channel.id, { content: "one" });
    await before.arrived;
    assert.equal(fake.state.messagesIn(channel.id).length, 0, "held before the effect");
    before.release();
    assert.equal((await pending).status, 200);
    await (await pending).body?.cancel();

    const after = fake.holdNext({ route: "POST /channels/:id/messages", afterEffect: true });
    const second = post(fake, channel.id, { content: "two" });
    const call = await after.arrived;
    assert.equal(call.status, 0, "not answered yet");
    assert.equal(fake.state.messagesIn(channel.id).length, 2, "the message already exists");
    after.release();
    await (await second).body?.cancel();
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("editMessage() and deleteMessage() change the history as a member would", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "chat" });
    const alice = fake.createMember(guild, { username: "alice" });
    const message = fake.postMessage(channel, alice, "first");
    fake.editMessage(channel, message.id, "first, edited");
    assert.equal(fake.state.messagesIn(channel.id)[0]?.content, "first, edited");
    assert.ok(fake.state.messagesIn(channel.id)[0]?.edited_timestamp);
    fake.deleteMessage(channel, message.id);
    assert.equal(fake.state.messagesIn(channel.id).length, 0);
    assert.throws(() => fake.deleteMessage(channel, message.id), RangeError);
  } finally {
    await fake.close();
  }
});
