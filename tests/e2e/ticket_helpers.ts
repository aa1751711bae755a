/**
 * Shared steps for the close and relay suites: a guild set up with `/setup`, tickets
 * opened with `/ticket new`, and the close confirmation, all through the fake Discord's
 * interactions as a member would do them.
 */
import assert from "node:assert/strict";
import type {
  FakeChannel,
  FakeDiscord,
  FakeUser,
  InteractionHandle,
} from "../fake_discord/fake_discord.ts";
import { buttonPress, type OptionInput, slashCommand } from "../fixtures/interactions.ts";

/** A guild after `/setup`: its people, the ticket category, the log channel and the staff role. */
export interface TicketGuild {
  guild: string;
  general: string;
  category: string;
  logs: string;
  staffRole: string;
  /** The server owner (Manage Server), who ran `/setup`. */
  owner: string;
  /** A member with the staff role. */
  staff: string;
  /** Members without any role, for opening tickets. */
  members: string[];
}

/** The message a member finally reads from an interaction, and when the first answer came. */
export interface FinalAnswer {
  body: Record<string, unknown>;
  /** Everything readable: content and embeds, as one string. */
  text: string;
  /** Milliseconds to the first answer (reply or defer). */
  firstAnswerMs: number;
  /** The ephemeral or public message that holds the answer, when there is one. */
  messageId: string | null;
  /** Only the member who asked sees it (flag 64 on the first answer). */
  ephemeral: boolean;
}

/** Content and embeds of a message body as one searchable string. */
export function textOf(body: Record<string, unknown>): string {
  const embeds = (body.embeds ?? []) as unknown[];
  return [String(body.content ?? ""), ...embeds.map((e) => JSON.stringify(e))].join("\n");
}

/** Waits for the first answer and, after a defer, the edit that replaces it. */
export async function finalAnswer(
  handle: InteractionHandle,
  timeoutMs = 5000,
): Promise<FinalAnswer> {
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  const ephemeral = ((Number(first.data?.flags ?? 0)) & 64) !== 0;
  if (first.type !== 5 && first.type !== 6) {
    const body = first.data ?? {};
    const callback = handle.events().find((e) => e.kind === "callback");
    return {
      body,
      text: textOf(body),
      firstAnswerMs: first.elapsedMs,
      messageId: callback?.messageId ?? null,
      ephemeral,
    };
  }
  const edit = await handle.waitForEvent("edit_original", timeoutMs);
  const body = edit.body as Record<string, unknown>;
  return {
    body,
    text: textOf(body),
    firstAnswerMs: first.elapsedMs,
    messageId: edit.messageId,
    ephemeral,
  };
}

/** Runs a slash command and returns what the member reads. */
export function command(
  fake: FakeDiscord,
  spec: {
    guild: string;
    channel: string;
    user: string;
    name: string;
    subcommand?: string;
    options?: Record<string, OptionInput>;
  },
  timeoutMs?: number,
): Promise<FinalAnswer> {
  return finalAnswer(fake.interact(slashCommand(fake, spec)), timeoutMs);
}

/**
 * A guild whose bot has typical (not Administrator) permissions, set up by its owner
 * with `/setup`, with one staff member and `memberCount` plain members.
 */
export async function setUpGuild(fake: FakeDiscord, memberCount = 2): Promise<TicketGuild> {
  const guild = fake.createGuild({ name: "Support HQ" });
  const general = fake.createChannel(guild, { name: "general" });
  const owner = guild.owner_id;
  if (fake.state.member(guild.id, owner) === undefined) fake.addMember(guild, owner);
  const setup = await command(fake, {
    guild: guild.id,
    channel: general.id,
    user: owner,
    name: "setup",
  });
  const channels = fake.state.channelsOf(guild.id);
  const category = channels.find((c) => c.type === 4 && c.name === "Tickets");
  const logs = channels.find((c) => c.type === 0 && c.name === "ticket-logs");
  const staffRole = fake.state.rolesOf(guild.id).find((r) => r.name === "Support");
  assert.ok(category && logs && staffRole, `/setup made its channels and role: ${setup.text}`);
  const staff = fake.createMember(guild, { username: "sam-staff", roles: [staffRole] });
  const members: FakeUser[] = [];
  for (let i = 0; i < memberCount; i++) {
    members.push(fake.createMember(guild, { username: `member${i + 1}` }));
  }
  return {
    guild: guild.id,
    general: general.id,
    category: category.id,
    logs: logs.id,
    staffRole: staffRole.id,
    owner,
    staff: staff.id,
    members: members.map((m) => m.id),
  };
}

/** `/ticket new` by `user`: returns the ticket's channel. */
export async function openTicket(
  fake: FakeDiscord,
  g: TicketGuild,
  user: string,
  topic = "My order never arrived",
): Promise<FakeChannel> {
  const answer = await command(fake, {
    guild: g.guild,
    channel: g.general,
    user,
    name: "ticket",
    subcommand: "new",
    options: { topic },
  });
  const id = /<#(\d+)>/.exec(answer.text)?.[1];
  const channel = id === undefined ? undefined : fake.state.channels.get(id);
  assert.ok(channel, `/ticket new links the new channel; it answered: ${answer.text}`);
  return channel;
}

/** The custom ids of the buttons on an answer. */
export function buttonIds(body: Record<string, unknown>): string[] {
  const rows = (body.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).flatMap((c) => c.custom_id ?? []));
}

/** `/ticket close` by `user`: returns the confirmation and its Confirm button. */
export async function askToClose(
  fake: FakeDiscord,
  g: TicketGuild,
  spec: { channel: string; user: string; reason?: string },
): Promise<{ confirmId: string; messageId: string; text: string }> {
  const answer = await command(fake, {
    guild: g.guild,
    channel: spec.channel,
    user: spec.user,
    name: "ticket",
    subcommand: "close",
    ...(spec.reason === undefined ? {} : { options: { reason: spec.reason } }),
  });
  const confirmId = buttonIds(answer.body)[0];
  assert.ok(confirmId && answer.messageId, `a confirmation with buttons: ${answer.text}`);
  return { confirmId, messageId: answer.messageId, text: answer.text };
}

/** Presses Confirm on a close confirmation; returns the handle (the close may take a while). */
export function pressConfirm(
  fake: FakeDiscord,
  g: TicketGuild,
  spec: { channel: string; user: string; confirmId: string; messageId: string },
): InteractionHandle {
  return fake.interact(buttonPress(fake, {
    guild: g.guild,
    channel: spec.channel,
    user: spec.user,
    customId: spec.confirmId,
    messageId: spec.messageId,
  }));
}

/** Asks to close and confirms at once; returns what the closer reads in the end. */
export async function closeTicket(
  fake: FakeDiscord,
  g: TicketGuild,
  spec: { channel: string; user: string; reason?: string },
  timeoutMs = 15_000,
): Promise<FinalAnswer> {
  const ask = await askToClose(fake, g, spec);
  return await finalAnswer(pressConfirm(fake, g, { ...spec, ...ask }), timeoutMs);
}

/** Messages the bot posted in a channel. */
export function botMessagesIn(fake: FakeDiscord, channel: string) {
  return fake.state.messagesIn(channel).filter((m) => m.author_id === fake.botUser.id);
}

/**
 * Resolves once `check` (which may read the bot's database) answers true, re-checked
 * on every change of the fake and every 20 ms; rejects after `timeoutMs` naming `what`.
 */
export async function eventually(
  fake: FakeDiscord,
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  let result = false;
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
    await fake.waitFor(
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
