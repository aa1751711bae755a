import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";
import { postAsBot } from "./bot_post.ts";
import { TYPICAL_BOT_PERMISSIONS } from "./state.ts";

const post = postAsBot;

Deno.test("a role mention notifies only when the role is mentionable or the bot has Mention Everyone", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "help" });
    const quiet = fake.createRole(guild, { name: "Quiet" });
    const loud = fake.createRole(guild, { name: "Loud" });
    fake.state.roles.get(loud.id)!.mentionable = true;
    const sam = fake.createMember(guild, { username: "sam", roles: [quiet] });
    const lea = fake.createMember(guild, { username: "lea", roles: [loud] });
    const body = {
      content: `<@&${quiet.id}> <@&${loud.id}>`,
      allowed_mentions: { parse: [], roles: [quiet.id, loud.id] },
    };
    const first = await (await post(fake, channel.id, body)).json();
    assert.deepEqual(first.mention_roles, [loud.id]);
    const message = fake.state.messagesIn(channel.id).at(-1)!;
    assert.deepEqual(fake.state.notifiedBy(message), [lea.id]);

    // With Mention Everyone, any role mention notifies.
    fake.setBotPermissions(guild, TYPICAL_BOT_PERMISSIONS | (1n << 17n));
    await (await post(fake, channel.id, body)).body?.cancel();
    const second = fake.state.messagesIn(channel.id).at(-1)!;
    assert.deepEqual(fake.state.notifiedBy(second).sort(), [sam.id, lea.id].sort());

    // allowed_mentions still rules: a role left out is not notified.
    await (await post(fake, channel.id, { ...body, allowed_mentions: { parse: [] } })).body
      ?.cancel();
    assert.deepEqual(fake.state.notifiedBy(fake.state.messagesIn(channel.id).at(-1)!), []);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});
