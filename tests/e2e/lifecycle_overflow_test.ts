/**
 * Many members opening tickets at once: every one gets a ticket in time, names
 * never collide, and a full category overflows into exactly one "Tickets 2".
 */
import assert from "node:assert/strict";
import { channelId } from "../../src/core/ids.ts";
import {
  answerOf,
  channelsNamed,
  guildChannels,
  lifecycleTest,
  linkedChannel,
  newMember,
  pressPanel,
  startTicketDesk,
} from "./world.ts";

lifecycleTest(
  "60 members clicking at once get 60 tickets and one overflow category",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const members = Array.from({ length: 60 }, (_, i) => newMember(world, `member${i}`));

    const answers = await Promise.all(
      members.map((member) => answerOf(pressPanel(world, panel, member))),
    );
    const slowest = Math.max(...answers.map((a) => a.firstAnswerMs));
    assert.ok(slowest < 3000, `every click answered within 3 s (slowest ${slowest} ms)`);

    const channels = answers.map((answer, i) => {
      assert.ok(answer.ephemeral);
      assert.match(answer.text, /Your ticket is open/, `member${i}: ${answer.text}`);
      return linkedChannel(world, answer);
    });
    assert.equal(new Set(channels.map((c) => c.id)).size, 60, "60 distinct channels");
    assert.equal(new Set(channels.map((c) => c.name)).size, 60, "60 distinct names");
    channels.forEach((channel, i) => {
      const opener = channel.permission_overwrites.find((o) => o.type === 1 && o.id === members[i]);
      assert.ok(opener, `${channel.name} belongs to member${i}`);
    });

    const overflow = channelsNamed(world, "Tickets 2", 4);
    assert.equal(overflow.length, 1, "exactly one overflow category");
    const [second] = overflow;
    assert.ok(second);
    assert.equal(channelsNamed(world, "Tickets 3", 4).length, 0);
    const inFirst = guildChannels(world).filter((c) => c.parent_id === setup.category.id);
    const inSecond = guildChannels(world).filter((c) => c.parent_id === second.id);
    assert.equal(inFirst.length, 50, "the first category is filled to Discord's 50");
    assert.equal(inSecond.length, 10, "the rest overflow");
    // The overflow category is as private as the first one.
    const everyone = second.permission_overwrites.find((o) => o.id === world.guild);
    assert.ok(everyone && (BigInt(everyone.deny) & (1n << 10n)) !== 0n);

    const numbers = (await Promise.all(
      channels.map((c) => world.app.stores.tickets.byChannel(channelId(c.id))),
    )).map((t) => t?.number);
    assert.deepEqual(
      [...numbers].sort((a, b) => (a ?? 0) - (b ?? 0)),
      Array.from({ length: 60 }, (_, i) => i + 1),
      "numbers 1 to 60, each once",
    );
    fake.assertNoViolations();
  },
);
