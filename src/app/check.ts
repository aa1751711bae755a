/**
 * `ticketeer check`: configuration, database, token, the Message Content intent
 * and every guild's missing permissions, as plain lines an operator reads.
 */
import type { RestManager } from "@discordeno/bot";
import type { Config } from "../config.ts";
import type { UserId } from "../core/ids.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { Stores } from "../core/ports.ts";
import { checkGuilds } from "../core/guild_check.ts";
import { describeTarget } from "../db/target.ts";
import { callDiscord } from "../discord/rest/rest_failure.ts";
import {
  MESSAGE_CONTENT_TOGGLE,
  SERVER_MEMBERS_TOGGLE,
} from "../discord/gateway/gateway_closed_error.ts";

/** The `ticketeer check` report. */
export interface CheckReport {
  ok: boolean;
  lines: string[];
}

/** What `runCheck` reads. */
export interface CheckDeps {
  config: Config;
  stores: Stores;
  discord: DiscordPort;
  rest: RestManager;
  bot: { id: string; username: string };
  applicationId: string;
  botUserId: UserId;
}

/** Application flag: the Message Content intent is on (verified apps). */
export const GATEWAY_MESSAGE_CONTENT = 1 << 18;
/** Application flag: the Message Content intent is on (apps in fewer than 100 guilds). */
export const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;

/** Application flag: the Server Members intent is on (verified apps). */
export const GATEWAY_GUILD_MEMBERS = 1 << 14;
/** Application flag: the Server Members intent is on (apps in fewer than 100 guilds). */
export const GATEWAY_GUILD_MEMBERS_LIMITED = 1 << 15;

/** The Server Members line (with `SERVER_MEMBERS_INTENT=on`) from the application's `flags`. */
export function serverMembersLine(flags: number): { ok: boolean; line: string } {
  if ((flags & (GATEWAY_GUILD_MEMBERS | GATEWAY_GUILD_MEMBERS_LIMITED)) !== 0) {
    return { ok: true, line: "Server Members intent: enabled." };
  }
  return {
    ok: false,
    line:
      `Server Members intent: not enabled, but SERVER_MEMBERS_INTENT=on asks for it. Fix: turn on ${SERVER_MEMBERS_TOGGLE} in the developer portal, or set SERVER_MEMBERS_INTENT=off.`,
  };
}

/** Which shells take interactions, in words (`gateway + http-interactions`). */
export function describeMode(config: Config): string {
  const parts = [];
  if (config.gateway) parts.push("gateway");
  if (config.http !== null && config.publicKey !== null) parts.push("http-interactions");
  return parts.length === 0 ? "no interactions" : parts.join(" + ");
}

/** The intent line from the application's `flags`, and whether it is a problem. */
export function messageContentLine(flags: number): { ok: boolean; line: string } {
  if ((flags & (GATEWAY_MESSAGE_CONTENT | GATEWAY_MESSAGE_CONTENT_LIMITED)) !== 0) {
    return { ok: true, line: "Message Content intent: enabled." };
  }
  return {
    ok: false,
    line:
      `Message Content intent: not enabled; transcripts and the relay need it. Fix: turn on ${MESSAGE_CONTENT_TOGGLE} in the developer portal.`,
  };
}

async function intentLine(
  rest: RestManager,
  serverMembers: boolean,
): Promise<{ ok: boolean; lines: string[] }> {
  try {
    const app = await callDiscord<{ flags?: unknown }>(rest, "GET", "/applications/@me");
    const flags = typeof app.flags === "number" ? app.flags : 0;
    const found = [messageContentLine(flags), ...(serverMembers ? [serverMembersLine(flags)] : [])];
    return { ok: found.every((f) => f.ok), lines: found.map((f) => f.line) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: true,
      lines: [`Message Content intent: cannot read the application (${reason}).`],
    };
  }
}

/** Runs every check; `ok` is false when any line names a problem. */
export async function runCheck(deps: CheckDeps): Promise<CheckReport> {
  const { config, bot } = deps;
  const lines = [
    `Configuration: ok (${describeMode(config)}).`,
    `Database: ok (${describeTarget(config.database)}, migrations up to date).`,
    `Token: ok (bot ${bot.username}, id ${bot.id}, application ${deps.applicationId}).`,
  ];
  const intent = await intentLine(deps.rest, config.serverMembersIntent === true);
  lines.push(...intent.lines);
  try {
    const guilds = await checkGuilds({ ...deps.stores, discord: deps.discord }, deps.botUserId);
    return { ok: intent.ok && guilds.ok, lines: [...lines, ...guilds.lines] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, lines: [...lines, `Guilds: cannot read them (${reason}).`] };
  }
}
