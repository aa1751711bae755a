/**
 * A bot killed while opening a ticket leaves a reservation (a ticket row without
 * a channel), and maybe a channel made for it. After a restart, the member's next
 * click opens exactly one ticket at once: the reservation is taken over, a
 * channel made for it is adopted, and no second channel is visible to the member.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { spawnTicketeer } from "../fixtures/ticketeer_process.ts";
import { envFor, sandbox } from "../fixtures/process_sandbox.ts";
import { bootBot } from "./boot.ts";
import { canView, command, linkedChannel, sendCommand, setUpGuild, welcomeIn } from "./world.ts";

for (
  const crash of [
    { when: "between the reservation and the channel's creation", afterEffect: false },
    { when: "between the channel's creation and its saving", afterEffect: true },
  ] as const
) {
  Deno.test(`a bot killed ${crash.when} opens exactly one ticket on the member's next click`, async () => {
    await using box = await sandbox();
    const { fake, dir } = box;
    {
      const databasePath = join(dir, "ticketeer.db");
      await using child = await spawnTicketeer([], {
        env: envFor(fake, dir, { LOG_LEVEL: "error" }),
        captureOutput: false,
      });
      await fake.waitFor(() => fake.gateway.isConnected(0), 20_000, "the bot process to connect");
      const g = await setUpGuild(fake, 1);
      const member = g.members[0]!;

      const held = fake.holdNext({
        method: "POST",
        route: "/guilds/:id/channels",
        afterEffect: crash.afterEffect,
      });
      const first = sendCommand(g, { user: member, name: "ticket", subcommand: "new" });
      assert.equal((await first.response).type, 5, "the first click deferred");
      await held.arrived;
      child.signal("SIGKILL");
      await child.finished;
      const made = fake.state.channelsOf(g.guild).filter((c) => c.parent_id === g.category);
      assert.equal(made.length, crash.afterEffect ? 1 : 0, "the crash left what it should");

      const app = await bootBot(fake, { databasePath });
      try {
        const answer = await command(g, { user: member, name: "ticket", subcommand: "new" });
        assert.match(answer.text, /Your ticket is open/, answer.text);
        const channel = linkedChannel(g, answer);
        if (crash.afterEffect) {
          assert.equal(channel.id, made[0]?.id, "the channel made before the crash is adopted");
        }
        await welcomeIn(fake, channel.id);
        const visible = fake.state.channelsOf(g.guild)
          .filter((c) => c.type === 0 && c.parent_id === g.category)
          .filter((c) => canView(g, c.id, member));
        assert.deepEqual(
          visible.map((c) => c.id),
          [channel.id],
          "one ticket channel for the member",
        );
        const held = await app.stores.tickets.heldBy(g.guild as never, member as never);
        assert.equal(held.length, 1, "one ticket");
        assert.equal(held[0]?.channelId, channel.id);

        const again = await command(g, { user: member, name: "ticket", subcommand: "new" });
        assert.match(again.text, new RegExp(`<#${channel.id}>`), "a third click points at it");
      } finally {
        await app.stop();
      }
    }
  });
}
