/**
 * The world the lifecycle suites run in: a fake Discord with one guild whose bot
 * role holds what a server admin typically gives a ticket bot (not Administrator),
 * the real bot on an isolated database of the given dialect, and the steps a
 * member or an admin takes (commands, button presses) with their final answers.
 */
import assert from "node:assert/strict";
import type { Config } from "../../src/config.ts";
import { startTicketeer, type TicketeerApp } from "../../src/app.ts";
import { Permission } from "../../src/core/permissions_bits.ts";
import type { DatabaseTarget } from "../../src/db/target.ts";
import {
  type FakeDiscord,
  type InteractionHandle,
  startFakeDiscord,
} from "../fake_discord/fake_discord.ts";
import type { FakeChannel, FakeMessage } from "../fake_discord/types.ts";
import { DIALECTS, isolateForApp, type TestDialect } from "../fixtures/dialects.ts";
import { buttonPress, type OptionInput, slashCommand } from "../fixtures/interactions.ts";
import { configFor } from "./boot.ts";

/** What a server admin typically grants a ticket bot's role. */
export const ADMIN_GRANTED_BOT_PERMISSIONS: bigint = Permission.ManageChannels |
  Permission.ManageRoles | Permission.ViewChannel | Permission.SendMessages |
  Permission.EmbedLinks | Permission.AttachFiles | Permission.ReadMessageHistory;

/** The dialects the lifecycle runs on; a server dialect is skipped unless named (or CI). */
export const LIFECYCLE_DIALECTS: TestDialect[] = DIALECTS.filter((d) =>
  d.name === "sqlite" || d.name === "postgres"
);

/**
 * Declares `name` once per lifecycle dialect. A dialect whose server is not named
 * is ignored with the reason in the test's name, except under `CI=true`, where it
 * runs and fails: CI must not skip a database silently.
 */
export function lifecycleTest(
  name: string,
  fn: (dialect: TestDialect) => Promise<void>,
): void {
  const ci = Deno.env.get("CI") === "true";
  for (const dialect of LIFECYCLE_DIALECTS) {
    const ignore = dialect.skip !== null && !ci;
    Deno.test({
      name: ignore
        ? `${name} [${dialect.name}: skipped, ${dialect.skip}]`
        : `${name} [${dialect.name}]`,
      ignore,
      fn: () => fn(dialect),
    });
  }
}

/** A running lifecycle world; disposing stops the bot, the fake and drops the database. */
export interface LifecycleWorld extends AsyncDisposable {
  fake: FakeDiscord;
  /** The running bot (a new one after `restart()`). */
  readonly app: TicketeerApp;
  config: Config;
  guild: string;
  /** The channel where admins run commands and panels are posted. */
  general: string;
  /** The guild owner: an admin. */
  owner: string;
  /** Stops the bot and starts a new one on the same config and database. */
  restart(): Promise<void>;
}

async function boot(config: Config): Promise<TicketeerApp> {
  const app = await startTicketeer(config, {
    gatewayOptions: { spawnShardDelayMs: 0 },
    reconcileOnStart: false,
    reconcileIntervalMs: null,
  });
  try {
    await app.ready;
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** Starts a fake Discord with one guild and the bot on a fresh `dialect` database. */
export async function startLifecycleWorld(dialect: TestDialect): Promise<LifecycleWorld> {
  const database: { target: DatabaseTarget; drop(): Promise<void> } = await isolateForApp(
    dialect,
  );
  let fake: FakeDiscord | null = null;
  try {
    fake = await startFakeDiscord();
    const guild = fake.createGuild({
      name: "Support HQ",
      botPermissions: ADMIN_GRANTED_BOT_PERMISSIONS,
    });
    const general = fake.createChannel(guild, { name: "general" });
    const config: Config = { ...configFor(fake), database: database.target };
    let app = await boot(config);
    const theFake = fake;
    return {
      fake,
      get app() {
        return app;
      },
      config,
      guild: guild.id,
      general: general.id,
      owner: guild.owner_id,
      async restart() {
        await app.stop();
        app = await boot(config);
      },
      async [Symbol.asyncDispose]() {
        try {
          await app.stop();
        } finally {
          try {
            await theFake.close();
          } finally {
            await database.drop();
          }
        }
      },
    };
  } catch (error) {
    try {
      await fake?.close();
    } finally {
      await database.drop();
    }
    throw error;
  }
}

/** What a member finally reads after an interaction. */
export interface Answer {
  /** The message content plus every embed as JSON, for matching. */
  text: string;
  /** Only the person who asked sees it. */
  ephemeral: boolean;
  body: Record<string, unknown>;
  /** Milliseconds until Discord got the first answer (a defer counts). */
  firstAnswerMs: number;
  /** The message the answer made (for pressing its buttons), if any. */
  messageId: string | null;
}

/** The first answer (within 3 s) and, after a defer, the edit that fills it. */
export async function answerOf(handle: InteractionHandle): Promise<Answer> {
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  const firstFlags = Number(first.data?.flags ?? 0);
  let body: Record<string, unknown> = first.data ?? {};
  let messageId = handle.events().find((e) => e.kind === "callback")?.messageId ?? null;
  if (first.type === 5) {
    const edit = await handle.waitForEvent("edit_original", 10_000);
    body = edit.body as Record<string, unknown>;
    messageId = edit.messageId ?? messageId;
  }
  const embeds = (body.embeds ?? []) as unknown[];
  return {
    text: [String(body.content ?? ""), ...embeds.map((e) => JSON.stringify(e))].join("\n"),
    ephemeral: ((first.type === 5 ? firstFlags : Number(body.flags ?? 0)) & 64) !== 0,
    body,
    firstAnswerMs: first.elapsedMs,
    messageId,
  };
}

/** Where and as whom a command runs (default: the general channel). */
export interface CommandSpec {
  user: string;
  name: string;
  group?: string;
  subcommand?: string;
  options?: Record<string, OptionInput>;
  channel?: string;
}

/** Sends a slash command and returns its handle. */
export function sendCommand(world: LifecycleWorld, spec: CommandSpec): InteractionHandle {
  return world.fake.interact(slashCommand(world.fake, {
    guild: world.guild,
    channel: spec.channel ?? world.general,
    user: spec.user,
    name: spec.name,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    ...(spec.subcommand === undefined ? {} : { subcommand: spec.subcommand }),
    ...(spec.options === undefined ? {} : { options: spec.options }),
  }));
}

/** Runs a slash command and returns its final answer. */
export function command(world: LifecycleWorld, spec: CommandSpec): Promise<Answer> {
  return answerOf(sendCommand(world, spec));
}

/** Presses a button on a message. */
export function press(
  world: LifecycleWorld,
  spec: { user: string; channel: string; messageId: string; customId: string },
): InteractionHandle {
  return world.fake.interact(buttonPress(world.fake, { guild: world.guild, ...spec }));
}

/** Channels of the guild, in creation order. */
export function guildChannels(world: LifecycleWorld): FakeChannel[] {
  return [...world.fake.state.channels.values()].filter((c) => c.guild_id === world.guild);
}

/** The guild's channels named `name` of `type` (4 category, 0 text). */
export function channelsNamed(world: LifecycleWorld, name: string, type: number): FakeChannel[] {
  return guildChannels(world).filter((c) => c.type === type && c.name === name);
}

/** What `/setup` made or chose. */
export interface SetupResult {
  category: FakeChannel;
  supportRole: string;
  logChannel: FakeChannel;
  answer: Answer;
}

/** Runs `/setup` as the owner and finds the category, role and log channel. */
export async function runSetup(world: LifecycleWorld): Promise<SetupResult> {
  const answer = await command(world, { user: world.owner, name: "setup" });
  const [category] = channelsNamed(world, "Tickets", 4);
  const [logChannel] = channelsNamed(world, "ticket-logs", 0);
  const role = [...world.fake.state.roles.values()].find((r) =>
    r.guild_id === world.guild && r.name === "Support"
  );
  assert.ok(category && logChannel && role, `/setup made its pieces; it said: ${answer.text}`);
  return { category, supportRole: role.id, logChannel, answer };
}

/** A posted panel and its button. */
export interface PanelRef {
  channel: string;
  messageId: string;
  customId: string;
  message: FakeMessage;
}

/** Runs `/panel` as the owner in the general channel and finds the posted panel. */
export async function postPanel(world: LifecycleWorld): Promise<PanelRef> {
  const answer = await command(world, { user: world.owner, name: "panel" });
  const message = world.fake.state.messagesIn(world.general).findLast((m) =>
    m.author_id === world.fake.botUser.id && m.components.length > 0
  );
  assert.ok(message, `the panel is posted; /panel said: ${answer.text}`);
  return {
    channel: world.general,
    messageId: message.id,
    customId: buttonIds(message)[0] ?? "",
    message,
  };
}

/** The `custom_id`s of every button on a message, in order. */
export function buttonIds(message: FakeMessage): string[] {
  const rows = message.components as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ""));
}

/** The labels of every button on a message, in order. */
export function buttonLabels(message: FakeMessage): string[] {
  const rows = message.components as Array<{ components?: Array<{ label?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).map((c) => c.label ?? ""));
}

/** Presses the panel's button as `user`. */
export function pressPanel(
  world: LifecycleWorld,
  panel: PanelRef,
  user: string,
): InteractionHandle {
  return press(world, {
    user,
    channel: panel.channel,
    messageId: panel.messageId,
    customId: panel.customId,
  });
}

/** The text channel a ticket answer links to (`<#id>`). */
export function linkedChannel(world: LifecycleWorld, answer: Answer): FakeChannel {
  const id = /<#([0-9]+)>/.exec(answer.text)?.[1];
  assert.ok(id, `the answer links a channel: ${answer.text}`);
  const channel = world.fake.state.channels.get(id);
  assert.ok(channel, `the linked channel ${id} exists`);
  return channel;
}

/** A new guild member. */
export function newMember(world: LifecycleWorld, username: string, roles: string[] = []): string {
  return world.fake.createMember(world.guild, { username, roles }).id;
}
