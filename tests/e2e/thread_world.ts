/** A set-up guild whose default ticket type opens private threads, for the thread suites. */
import assert from "node:assert/strict";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import type { TicketeerApp } from "../../src/app/start.ts";
import { command, setUpGuild, type TicketGuild } from "./world.ts";

/** Create Private Threads, Send Messages in Threads and Manage Threads. */
export const THREAD_BITS: bigint = (1n << 36n) | (1n << 38n) | (1n << 34n);

/** A set-up guild whose default type opens private threads in `#support`. */
export async function threadGuild(
  world: { fake: FakeDiscord; app: TicketeerApp },
  options: { botPermissions?: bigint; threadClose?: "archive" | "delete" } = {},
): Promise<TicketGuild & { parent: string }> {
  const g = await setUpGuild(world.fake, 2);
  world.fake.setBotPermissions(
    g.guild,
    options.botPermissions ?? TYPICAL_BOT_PERMISSIONS | THREAD_BITS,
  );
  const parent = world.fake.createChannel(g.guild, { name: "support" }).id;
  const type = await world.app.stores.types.defaultFor(g.guild as never);
  const settings: Array<[string, string]> = [["mode", "thread"], [
    "parent_channel",
    `<#${parent}>`,
  ]];
  if (options.threadClose !== undefined) settings.push(["thread_close", options.threadClose]);
  for (const [setting, value] of settings) {
    const answer = await command(g, {
      user: g.owner,
      name: "type",
      subcommand: "set",
      options: { setting, type: String(type.id), value },
    });
    assert.match(answer.text, new RegExp(`${setting} of .* changed`), answer.text);
  }
  return { ...g, parent };
}
