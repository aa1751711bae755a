/**
 * A guild the bot was removed from: reconciliation stops touching it (every
 * request there would be a 403 counted toward Discord's invalid-request limit)
 * until Discord sends the guild again.
 */
import assert from "node:assert/strict";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import { hasLeftGuild } from "../../src/app/left_guilds.ts";
import type { SettingsStore } from "../../src/core/ports.ts";
import { startWorld } from "./boot.ts";
import { setUpGuild } from "./world.ts";

/** Reconciliation's requests about one guild: the scan of its channels. */
function scansOf(fake: FakeDiscord, guildId: string) {
  return fake.calls.filter((call) =>
    call.method === "GET" && call.path === `/guilds/${guildId}/channels`
  );
}

/** Waits until the database says whether the bot left `guildId`. */
async function untilRecorded(settings: SettingsStore, guildId: string, left: boolean) {
  const deadline = Date.now() + 5_000;
  while ((await hasLeftGuild(settings, guildId)) !== left) {
    if (Date.now() > deadline) throw new Error(`The bot never recorded guild ${guildId}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

Deno.test("reconciliation skips a guild the bot was removed from until it is invited back", async () => {
  await using world = await startWorld({ start: { reconcileIntervalMs: 30 } });
  const { fake } = world;
  const gone = await setUpGuild(fake, 0);
  const kept = await setUpGuild(fake, 0);
  await fake.waitFor(() => scansOf(fake, gone.guild).length >= 1, 5_000, "a first scan");

  fake.removeBot(gone.guild);
  await untilRecorded(world.app.stores.settings, gone.guild, true);
  // A pass under way when the bot left may still reach the guild; wait until it is over.
  const keptAtLeave = scansOf(fake, kept.guild).length;
  await fake.waitFor(
    () => scansOf(fake, kept.guild).length >= keptAtLeave + 2,
    5_000,
    "the pass under way to end",
  );
  const goneBefore = scansOf(fake, gone.guild).length;
  const keptBefore = scansOf(fake, kept.guild).length;
  await fake.waitFor(
    () => scansOf(fake, kept.guild).length >= keptBefore + 3,
    5_000,
    "three more passes",
  );
  assert.equal(scansOf(fake, gone.guild).length, goneBefore, "no request to the guild it left");

  fake.inviteBotBack(gone.guild);
  await untilRecorded(world.app.stores.settings, gone.guild, false);
  await fake.waitFor(
    () => scansOf(fake, gone.guild).length > goneBefore,
    5_000,
    "a scan of the guild it is back in",
  );
  const forbidden = scansOf(fake, gone.guild).filter((call) => call.status === 403);
  assert.ok(forbidden.length <= 1, `at most the pass under way when it left: ${forbidden.length}`);
});
