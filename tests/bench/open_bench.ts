/**
 * The opening benchmark: the whole bot in its own process against the fake
 * Discord enforcing Discord's global limit (50 requests a second), many members
 * running `/ticket new` at the same moment, across many guilds or in one. Timed
 * by the fake from INTERACTION_CREATE to the first answer and to the edit that
 * carries the link; requests counted per open and route.
 */
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import type { CallRecord } from "../fake_discord/types.ts";
import { DIALECTS, isolateForApp } from "../fixtures/dialects.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { spawnBot } from "./bot_process.ts";
import { percentile } from "./stats.ts";

/** One opening scenario. */
export interface OpenScenario {
  /** Guilds the clicks are spread over. */
  guilds: number;
  /** Members clicking in each guild. */
  perGuild: number;
  dialect: "sqlite" | "postgres";
}

/** What one scenario measured (milliseconds). */
export interface OpenResult extends OpenScenario {
  opens: number;
  opened: number;
  firstP50: number;
  firstP99: number;
  linkP50: number;
  linkP99: number;
  ticketsPerSecond: number;
  /** Requests from the global budget per open, by `METHOD route`. */
  perOpen: Record<string, number>;
  /** All budget requests per open, until the last welcome message. */
  budgetPerOpen: number;
  /** Log-channel posts per open, sent after (background), until every open is logged. */
  logPostsPerOpen: number;
}

/** Interaction callbacks and webhook edits are exempt from the global budget. */
const exempt = (call: CallRecord) =>
  call.route.startsWith("/interactions/") || call.route.startsWith("/webhooks/");

/** Runs one scenario; null when its database is not configured here. */
export async function measureOpens(scenario: OpenScenario): Promise<OpenResult | null> {
  let env: Record<string, string> = {};
  let drop = () => Promise.resolve();
  if (scenario.dialect === "postgres") {
    const postgres = DIALECTS.find((d) => d.name === "postgres");
    if (postgres === undefined || postgres.skip !== null) return null;
    const isolated = await isolateForApp(postgres);
    if (isolated.target.kind !== "postgres") throw new TypeError("Expected a PostgreSQL target");
    env = { DATABASE_URL: isolated.target.url };
    drop = isolated.drop;
  }
  const fake = await startFakeDiscord({ rateLimits: { globalPerSecond: 50 } });
  try {
    await using bot = await spawnBot(fake, { env });
    await fake.waitFor(() => fake.gateway.isConnected(0), 90_000, "the bot to connect")
      .catch((error) => {
        throw new Error(`${error.message}; the bot said:\n${bot.output()}`);
      });
    const places = [];
    for (let g = 0; g < scenario.guilds; g++) {
      const guild = fake.createGuild({ name: `Guild ${g}` });
      const channel = fake.createChannel(guild, { name: "general" });
      places.push({ guild, channel });
    }
    // Set every guild up first (not measured), a few at a time.
    for (let i = 0; i < places.length; i += 20) {
      await Promise.all(
        places.slice(i, i + 20).map(async ({ guild, channel }) => {
          const setup = fake.interact(
            slashCommand(fake, { guild, channel, user: guild.owner_id, name: "setup" }),
          );
          await setup.response;
          await setup.waitForEvent("edit_original", 120_000);
        }),
      );
    }
    const payloads = places.flatMap(({ guild, channel }) =>
      Array.from({ length: scenario.perGuild }, (_, m) => {
        const user = fake.createMember(guild, { username: `member${m}` });
        return slashCommand(fake, { guild, channel, user, name: "ticket", subcommand: "new" });
      })
    );
    const before = fake.calls.length;
    const handles = payloads.map((payload) => fake.interact(payload));
    const results = await Promise.allSettled(handles.map(async (handle) => {
      const first = await handle.response;
      const callback = handle.events().find((e) => e.kind === "callback");
      const dispatched = (callback?.at ?? 0) - first.elapsedMs;
      const edit = await handle.waitForEvent("edit_original", 120_000);
      const linked = /<#\d+>/.test(JSON.stringify(edit.body)) &&
        /Your ticket is open/.test(JSON.stringify(edit.body));
      return {
        channel: /<#(\d+)>/.exec(JSON.stringify(edit.body))?.[1] ?? "",
        first: first.elapsedMs,
        link: edit.at - dispatched,
        dispatched,
        at: edit.at,
        linked,
      };
    }));
    // The welcome messages and log posts follow the links: wait for them to count them.
    const opened = results.flatMap((r) =>
      r.status === "fulfilled" && r.value.linked ? [r.value] : []
    );
    await fake.waitFor(
      () => {
        const welcomes = fake.calls.slice(before).filter((c) =>
          c.method === "POST" && c.route === "/channels/:id/messages" &&
          JSON.stringify(c.body).includes("custom_id")
        );
        return welcomes.length >= opened.length;
      },
      120_000,
      "every welcome message",
    );
    const spent = fake.calls.slice(before).filter((c) => !exempt(c));
    const perOpen: Record<string, number> = {};
    for (const call of spent) {
      const key = `${call.method} ${call.route}`;
      perOpen[key] = (perOpen[key] ?? 0) + 1 / Math.max(1, payloads.length);
    }
    // Then the log entries, background requests that wait for the rest: every open is logged.
    const channels = new Set(opened.map((o) => o.channel));
    const logPosts = () =>
      fake.calls.slice(before).filter((c) =>
        c.method === "POST" && c.route === "/channels/:id/messages" && c.status < 300 &&
        !channels.has(c.path.split("/")[2] ?? "")
      );
    await fake.waitFor(
      () => {
        const logged = logPosts().map((c) => JSON.stringify(c.body)).join("\n");
        return opened.every((o) => logged.includes(`<#${o.channel}>`));
      },
      120_000,
      "every open's log entry",
    );
    const start = Math.min(...opened.map((o) => o.dispatched));
    const end = Math.max(...opened.map((o) => o.at));
    await bot.stop();
    return {
      ...scenario,
      opens: payloads.length,
      opened: opened.length,
      firstP50: percentile(opened.map((o) => o.first), 50),
      firstP99: percentile(opened.map((o) => o.first), 99),
      linkP50: percentile(opened.map((o) => o.link), 50),
      linkP99: percentile(opened.map((o) => o.link), 99),
      ticketsPerSecond: opened.length / Math.max(0.001, (end - start) / 1000),
      perOpen,
      budgetPerOpen: spent.length / Math.max(1, payloads.length),
      logPostsPerOpen: logPosts().length / Math.max(1, payloads.length),
    };
  } finally {
    await fake.close();
    await drop();
  }
}

/** The scenarios of `deno task bench`: 200 guilds with one click each, one guild with 50. */
export const OPEN_SCENARIOS: readonly OpenScenario[] = [
  { guilds: 200, perGuild: 1, dialect: "sqlite" },
  { guilds: 1, perGuild: 50, dialect: "sqlite" },
  { guilds: 200, perGuild: 1, dialect: "postgres" },
  { guilds: 1, perGuild: 50, dialect: "postgres" },
];

/** The targets of the opening benchmark (measured, not asserted). */
export const OPEN_TARGETS = {
  firstP99Ms: 150,
  linkP50Ms: 2500,
  linkP99Ms: 5000,
  ticketsPerSecond: 20,
  budgetPerOpen: 2,
};

/** The results as table rows: measure, value, target, detail. */
export function openRows(results: readonly OpenResult[]): string[][] {
  const rows: string[][] = [];
  for (const r of results) {
    const at = `${r.guilds} guild(s) × ${r.perGuild}, ${r.dialect}`;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    rows.push([
      `open: first answer p50 / p99`,
      `${ms(r.firstP50)} / ${ms(r.firstP99)}`,
      `p99 ≤ ${OPEN_TARGETS.firstP99Ms} ms`,
      at,
    ]);
    rows.push([
      `open: link p50 / p99`,
      `${ms(r.linkP50)} / ${ms(r.linkP99)}`,
      `≤ ${OPEN_TARGETS.linkP50Ms} / ${OPEN_TARGETS.linkP99Ms} ms`,
      at,
    ]);
    rows.push([
      `open: tickets per second`,
      r.ticketsPerSecond.toFixed(1),
      `≥ ${OPEN_TARGETS.ticketsPerSecond}`,
      `${r.opened}/${r.opens} opened; ${at}`,
    ]);
    const routes = Object.entries(r.perOpen).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
    rows.push([
      `open: budget requests per open`,
      r.budgetPerOpen.toFixed(2),
      `≤ ${OPEN_TARGETS.budgetPerOpen}`,
      `${routes}; ${at}`,
    ]);
    rows.push([
      `open: log posts per open, after`,
      r.logPostsPerOpen.toFixed(2),
      "",
      `background, every open logged; ${at}`,
    ]);
  }
  return rows;
}
