/**
 * The steps of the end-to-end suites, taken through the fake Discord as members and
 * admins take them: a guild, `/setup`, the panel, commands and button presses with
 * the answer the member finally reads, and a ticket opened and closed.
 */
import assert from "node:assert/strict";
import type { TicketeerApp } from "../../src/app/start.ts";
import type { ChannelId } from "../../src/core/ids.ts";
import { Permission } from "../../src/core/permissions_bits.ts";
import type { Ticket } from "../../src/core/model.ts";
import type {
  FakeChannel,
  FakeDiscord,
  FakeMessage,
  InteractionHandle,
} from "../fake_discord/fake_discord.ts";
import { channelPermissions } from "../fake_discord/permissions.ts";
import { DIALECTS, type TestDialect } from "../fixtures/dialects.ts";
import { buttonPress, type OptionInput, slashCommand } from "../fixtures/interactions.ts";
import { startWorld, type World, type WorldOptions } from "./boot.ts";

/** What a server admin typically grants a ticket bot's role (not Administrator). */
export const ADMIN_GRANTED_BOT_PERMISSIONS: bigint = Permission.ManageChannels |
  Permission.ManageRoles | Permission.ViewChannel | Permission.SendMessages |
  Permission.EmbedLinks | Permission.AttachFiles | Permission.ReadMessageHistory;

/** A guild on the fake Discord and its general channel, where members run commands. */
export interface GuildPlace {
  fake: FakeDiscord;
  guild: string;
  /** The channel where admins run commands and panels are posted. */
  general: string;
  /** The guild owner: an admin. */
  owner: string;
}

/** Adds a guild named "Support HQ" with a `#general` channel. */
export function addGuild(fake: FakeDiscord, options: { botPermissions?: bigint } = {}): GuildPlace {
  const guild = fake.createGuild({ name: "Support HQ", ...options });
  const general = fake.createChannel(guild, { name: "general" });
  return { fake, guild: guild.id, general: general.id, owner: guild.owner_id };
}

/** A world whose fake Discord holds one guild (see `addGuild`). */
export async function startGuildWorld(
  options: WorldOptions & { botPermissions?: bigint } = {},
): Promise<World & GuildPlace> {
  const world = await startWorld(options);
  const place = addGuild(
    world.fake,
    options.botPermissions === undefined ? {} : { botPermissions: options.botPermissions },
  );
  return Object.assign(world, place);
}

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

/** What a member finally reads after an interaction. */
export interface Answer {
  /** The message content plus every embed as JSON, for matching. */
  text: string;
  /** Only the person who asked sees it (flag 64 on the first answer). */
  ephemeral: boolean;
  body: Record<string, unknown>;
  /** Milliseconds until Discord got the first answer (a defer counts). */
  firstAnswerMs: number;
  /** The message the answer made (for pressing its buttons), if any. */
  messageId: string | null;
}

/** Content and embeds of a message body as one searchable string. */
export function textOf(body: { content?: unknown; embeds?: unknown }): string {
  const embeds = (body.embeds ?? []) as unknown[];
  return [String(body.content ?? ""), ...embeds.map((e) => JSON.stringify(e))].join("\n");
}

/** The first answer (within 3 s) and, after a defer, the edit that fills it. */
export async function answerOf(handle: InteractionHandle, timeoutMs = 10_000): Promise<Answer> {
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  let body: Record<string, unknown> = first.data ?? {};
  let messageId = handle.events().find((e) => e.kind === "callback")?.messageId ?? null;
  if (first.type === 5 || first.type === 6) {
    const edit = await handle.waitForEvent("edit_original", timeoutMs);
    body = edit.body as Record<string, unknown>;
    messageId = edit.messageId ?? messageId;
  }
  return {
    text: textOf(body),
    ephemeral: (Number(first.data?.flags ?? 0) & 64) !== 0,
    body,
    firstAnswerMs: first.elapsedMs,
    messageId,
  };
}

/** Who runs a command, and where (default: the general channel). */
export interface CommandSpec {
  user: string;
  name: string;
  group?: string;
  subcommand?: string;
  options?: Record<string, OptionInput>;
  channel?: string;
}

/** The interaction JSON Discord sends for a slash command. */
export function commandPayload(place: GuildPlace, spec: CommandSpec): Record<string, unknown> {
  return slashCommand(place.fake, {
    guild: place.guild,
    channel: spec.channel ?? place.general,
    user: spec.user,
    name: spec.name,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    ...(spec.subcommand === undefined ? {} : { subcommand: spec.subcommand }),
    ...(spec.options === undefined ? {} : { options: spec.options }),
  });
}

/** Sends a slash command through the gateway and returns its handle. */
export function sendCommand(place: GuildPlace, spec: CommandSpec): InteractionHandle {
  return place.fake.interact(commandPayload(place, spec));
}

/** Runs a slash command and returns its final answer. */
export function command(
  place: GuildPlace,
  spec: CommandSpec,
  timeoutMs?: number,
): Promise<Answer> {
  return answerOf(sendCommand(place, spec), timeoutMs);
}

/** Presses a button on a message. */
export function press(
  place: GuildPlace,
  spec: { user: string; channel: string; messageId: string; customId: string },
): InteractionHandle {
  return place.fake.interact(buttonPress(place.fake, { guild: place.guild, ...spec }));
}

/** Channels of the guild, in creation order. */
export function guildChannels(place: GuildPlace): FakeChannel[] {
  return place.fake.state.channelsOf(place.guild);
}

/** The guild's channels named `name` of `type` (4 category, 0 text). */
export function channelsNamed(place: GuildPlace, name: string, type: number): FakeChannel[] {
  return guildChannels(place).filter((c) => c.type === type && c.name === name);
}

/** A new guild member. */
export function newMember(place: GuildPlace, username: string, roles: string[] = []): string {
  return place.fake.createMember(place.guild, { username, roles }).id;
}

/** What `/setup` made or chose. */
export interface SetupResult {
  category: FakeChannel;
  supportRole: string;
  logChannel: FakeChannel;
  answer: Answer;
}

/** Runs `/setup` as the owner and finds the category, role and log channel. */
export async function runSetup(place: GuildPlace): Promise<SetupResult> {
  const answer = await command(place, { user: place.owner, name: "setup" });
  const [category] = channelsNamed(place, "Tickets", 4);
  const [logChannel] = channelsNamed(place, "ticket-logs", 0);
  const role = place.fake.state.rolesOf(place.guild).find((r) => r.name === "Support");
  assert.ok(category && logChannel && role, `/setup made its pieces; it said: ${answer.text}`);
  return { category, supportRole: role.id, logChannel, answer };
}

/** The `custom_id`s of every button on a message or message body, in order. */
export function buttonIds(message: { components?: unknown }): string[] {
  const rows = (message.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ""));
}

/** The labels of every button on a message, in order. */
export function buttonLabels(message: FakeMessage): string[] {
  const rows = message.components as Array<{ components?: Array<{ label?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).map((c) => c.label ?? ""));
}

/** Messages the bot posted in a channel. */
export function botMessagesIn(fake: FakeDiscord, channel: string): FakeMessage[] {
  return fake.state.messagesIn(channel).filter((m) => m.author_id === fake.botUser.id);
}

/** A posted panel and its button. */
export interface PanelRef {
  channel: string;
  messageId: string;
  customId: string;
  message: FakeMessage;
}

/** Runs `/panel` as the owner in the general channel and finds the posted panel. */
export async function postPanel(place: GuildPlace): Promise<PanelRef> {
  const answer = await command(place, { user: place.owner, name: "panel" });
  const message = botMessagesIn(place.fake, place.general).findLast((m) => m.components.length > 0);
  assert.ok(message, `the panel is posted; /panel said: ${answer.text}`);
  return {
    channel: place.general,
    messageId: message.id,
    customId: buttonIds(message)[0] ?? "",
    message,
  };
}

/** Presses the panel's button as `user`. */
export function pressPanel(place: GuildPlace, panel: PanelRef, user: string): InteractionHandle {
  return press(place, {
    user,
    channel: panel.channel,
    messageId: panel.messageId,
    customId: panel.customId,
  });
}

/** The text channel an answer links to (`<#id>`). */
export function linkedChannel(place: GuildPlace, answer: Answer): FakeChannel {
  const id = /<#([0-9]+)>/.exec(answer.text)?.[1];
  assert.ok(id, `the answer links a channel: ${answer.text}`);
  const channel = place.fake.state.channels.get(id);
  assert.ok(channel, `the linked channel ${id} exists`);
  return channel;
}

/** Presses the panel's button as `user` and returns the ticket channel the answer links. */
export async function openFromPanel(
  place: GuildPlace,
  panel: PanelRef,
  user: string,
): Promise<FakeChannel> {
  const channel = linkedChannel(place, await answerOf(pressPanel(place, panel, user)));
  await welcomeIn(place.fake, channel.id);
  return channel;
}

/** The welcome message of a ticket channel, once posted (it follows the member's link). */
export function welcomeIn(
  fake: FakeDiscord,
  channel: string,
  timeoutMs = 10_000,
): Promise<FakeMessage> {
  return fake.waitFor(
    () => botMessagesIn(fake, channel)[0],
    timeoutMs,
    `the welcome message in ${channel}`,
  );
}

/** The log channel's entry about the ticket of `channel` being opened, once posted. */
export function openLogEntry(
  fake: FakeDiscord,
  logs: string,
  channel: string,
  timeoutMs = 10_000,
): Promise<FakeMessage> {
  return fake.waitFor(
    () => botMessagesIn(fake, logs).find((m) => m.content.includes(`<#${channel}>`)),
    timeoutMs,
    `the log entry of the ticket in ${channel}`,
  );
}

// Discord's permission bits, written out here rather than taken from the bot's own table.
/** View Channel. */
export const VIEW_CHANNEL = 1n << 10n;
/** Send Messages. */
export const SEND_MESSAGES = 1n << 11n;
/** What a ticket's participants get: view, send, embed links, attach files, read history. */
export const PARTICIPANT_PERMISSIONS: bigint = VIEW_CHANNEL | SEND_MESSAGES | (1n << 14n) |
  (1n << 15n) | (1n << 16n);

/** Whether `user` sees `channel`, as Discord computes it from roles and overwrites. */
export function canView(place: GuildPlace, channel: string, user: string): boolean {
  return (channelPermissions(place.fake.state, channel, user) & VIEW_CHANNEL) !== 0n;
}

/** A guild after `/setup`: its people, the ticket category, the log channel and the staff role. */
export interface TicketGuild extends GuildPlace {
  category: string;
  logs: string;
  staffRole: string;
  /** A member with the staff role. */
  staff: string;
  /** Members without any role, for opening tickets. */
  members: string[];
}

/**
 * A guild whose bot has typical (not Administrator) permissions, set up by its owner
 * with `/setup`, with one staff member and `memberCount` plain members.
 */
export async function setUpGuild(fake: FakeDiscord, memberCount = 2): Promise<TicketGuild> {
  const place = addGuild(fake);
  const setup = await runSetup(place);
  return {
    ...place,
    category: setup.category.id,
    logs: setup.logChannel.id,
    staffRole: setup.supportRole,
    staff: newMember(place, "sam-staff", [setup.supportRole]),
    members: Array.from({ length: memberCount }, (_, i) => newMember(place, `member${i + 1}`)),
  };
}

/** `/ticket new` by `user`: returns the ticket's channel. */
export async function openTicket(
  g: TicketGuild,
  user: string,
  topic = "My order never arrived",
): Promise<FakeChannel> {
  const answer = await command(g, { user, name: "ticket", subcommand: "new", options: { topic } });
  const channel = linkedChannel(g, answer);
  // The welcome and the log entry follow the link: the open is done once both are posted.
  await welcomeIn(g.fake, channel.id);
  await openLogEntry(g.fake, g.logs, channel.id);
  return channel;
}

/** The ticket row of a channel. */
export async function ticketOf(app: TicketeerApp, channel: string): Promise<Ticket> {
  const ticket = await app.stores.tickets.byChannel(channel as ChannelId);
  assert.ok(ticket, `channel ${channel} is a ticket`);
  return ticket;
}

/** A set-up guild where its first member opened a ticket. */
export interface GuildWithTicket {
  g: TicketGuild;
  opener: string;
  channel: FakeChannel;
  ticket: Ticket;
}

/** `setUpGuild` with `memberCount` members, and a ticket opened by the first of them. */
export async function guildWithTicket(
  world: { fake: FakeDiscord; app: TicketeerApp },
  memberCount = 1,
): Promise<GuildWithTicket> {
  const g = await setUpGuild(world.fake, memberCount);
  const opener = g.members[0];
  assert.ok(opener, "a member to open the ticket");
  const channel = await openTicket(g, opener);
  return { g, opener, channel, ticket: await ticketOf(world.app, channel.id) };
}

/** `/ticket close` by `user`: returns the confirmation and its Confirm button. */
export async function askToClose(
  g: TicketGuild,
  spec: { channel: string; user: string; reason?: string },
): Promise<{ confirmId: string; messageId: string; text: string }> {
  const answer = await command(g, {
    user: spec.user,
    name: "ticket",
    subcommand: "close",
    channel: spec.channel,
    ...(spec.reason === undefined ? {} : { options: { reason: spec.reason } }),
  });
  const confirmId = buttonIds(answer.body)[0];
  assert.ok(confirmId && answer.messageId, `a confirmation with buttons: ${answer.text}`);
  return { confirmId, messageId: answer.messageId, text: answer.text };
}

/** Presses Confirm on a close confirmation; returns the handle (the close may take a while). */
export function pressConfirm(
  g: TicketGuild,
  spec: { channel: string; user: string; confirmId: string; messageId: string },
): InteractionHandle {
  return press(g, {
    user: spec.user,
    channel: spec.channel,
    messageId: spec.messageId,
    customId: spec.confirmId,
  });
}

/** Asks to close and confirms at once; returns what the closer reads in the end. */
export async function closeTicket(
  g: TicketGuild,
  spec: { channel: string; user: string; reason?: string },
  timeoutMs = 15_000,
): Promise<Answer> {
  const ask = await askToClose(g, spec);
  return await answerOf(pressConfirm(g, { ...spec, ...ask }), timeoutMs);
}

/**
 * Resolves with the first truthy answer of `check` (which may read the bot's
 * database), re-checked on every change of the fake and every 20 ms; rejects after
 * `timeoutMs` naming `what`.
 */
export async function eventually<T>(
  fake: FakeDiscord,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let result: T | null | undefined | false = false;
  let failure: { error: unknown } | null = null;
  let running: Promise<void> | null = null;
  const poll = () => {
    running ??= check().then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        failure = { error };
      },
    ).finally(() => {
      running = null;
    });
  };
  try {
    return await fake.waitFor(
      () => {
        if (failure !== null) throw failure.error;
        if (!result) poll();
        return result;
      },
      timeoutMs,
      what,
    );
  } finally {
    await running;
  }
}

/** The lifecycle suites' world: one guild whose bot has `ADMIN_GRANTED_BOT_PERMISSIONS`. */
export function startLifecycleWorld(dialect: TestDialect): Promise<World & GuildPlace> {
  return startGuildWorld({ dialect, botPermissions: ADMIN_GRANTED_BOT_PERMISSIONS });
}

/** A lifecycle world after the owner ran `/setup` and posted the panel. */
export interface TicketDesk extends World, GuildPlace {
  setup: SetupResult;
  panel: PanelRef;
}

/** Starts a lifecycle world on `dialect`, runs `/setup` and posts the panel. */
export async function startTicketDesk(dialect: TestDialect): Promise<TicketDesk> {
  const world = await startLifecycleWorld(dialect);
  try {
    const setup = await runSetup(world);
    const panel = await postPanel(world);
    return Object.assign(world, { setup, panel });
  } catch (error) {
    await world[Symbol.asyncDispose]();
    throw error;
  }
}
