import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { spawnBot } from "./bot_process.ts";
import { percentile } from "./stats.ts";
const fake = await startFakeDiscord({});
const [guild] = fake.seedGuilds(5, { channels: 5, roles: 3, members: 5 });
const bot = spawnBot(fake, { denoFlags: Deno.args });
await fake.waitFor(() => fake.gateway.isConnected(0), 30000);
const channel = fake.state.channelsOf(guild!.id).find((c) => c.type === 0)!;
const where = { guild: guild!, channel, user: guild!.owner_id };
const s = fake.interact(slashCommand(fake, { ...where, name: "setup" }));
await s.response;
await s.waitForEvent("edit_original", 10000);
for (const n of [1, 10, 50, 200, 200, 200, 200]) {
  const payloads = Array.from(
    { length: n },
    () => slashCommand(fake, { ...where, name: "config", subcommand: "show" }),
  );
  const cpu = async (pid: string) => {
    const f = (await Deno.readTextFile(`/proc/${pid}/stat`)).split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  const b0 = await cpu(String(bot.pid));
  const s0 = await cpu("self");
  const t0 = performance.now();
  const answers = await Promise.all(payloads.map((p) => fake.interact(p).response));
  const times = answers.map((a) => a.elapsedMs);
  console.log(
    n,
    "min",
    Math.min(...times).toFixed(1),
    "p50",
    percentile(times, 50).toFixed(1),
    "p99",
    percentile(times, 99).toFixed(1),
    "wall",
    (performance.now() - t0).toFixed(1),
    "botcpu",
    (await cpu(String(bot.pid))) - b0,
    "fakecpu",
    (await cpu("self")) - s0,
  );
}
await bot.stop();
await fake.close();
