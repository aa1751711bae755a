import assert from "node:assert/strict";
import type { MessageEvent } from "../../src/app/app_services.ts";
import { within } from "../../src/lib/deadline.ts";
import { startWorld } from "./boot.ts";

Deno.test("guild messages from the gateway reach the message hook, parsed", async () => {
  const events: MessageEvent[] = [];
  const arrived = Promise.withResolvers<void>();
  await using world = await startWorld({
    start: {
      // The hook also hears of channels and shard sessions; this test wants messages.
      onMessage: (event) => {
        if (event.kind !== "create") return;
        events.push(event);
        arrived.resolve();
      },
    },
  });
  const { fake } = world;
  const guild = fake.createGuild({ name: "Support HQ" });
  const channel = fake.createChannel(guild, { name: "ticket-1" });
  const member = fake.createMember(guild, { username: "alice" });
  const posted = fake.postMessage(channel, member, "my printer is on fire");
  await within(arrived.promise, 3000, "the message hook");
  const event = events[0];
  assert.equal(event?.kind, "create");
  if (event?.kind !== "create") return;
  assert.equal(event.message.id, posted.id);
  assert.equal(event.message.channelId, channel.id);
  assert.equal(event.message.guildId, guild.id);
  assert.equal(event.message.author.id, member.id);
  assert.equal(event.message.content, "my printer is on fire");
  fake.assertNoViolations();
});
