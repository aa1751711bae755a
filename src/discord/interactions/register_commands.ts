/**
 * Command registration (slash commands and context menus): one bulk overwrite, and only when the definitions
 * (or where they are registered) changed since the last time. Discord allows 200
 * command creates per guild per day, so registering on every start is not an option.
 */
import type { RestManager } from "@discordeno/rest";
import { registeredCommands } from "../../core/interactions/registry.ts";
import { encodeHex } from "../../lib/hex.ts";
import type { GuildId } from "../../core/ids.ts";
import type { SettingsStore } from "../../core/ports.ts";
import type { RetryOptions } from "../../lib/retry.ts";
import { callDiscord } from "../rest/rest_failure.ts";

/** Options of `registerCommands`. */
export interface RegisterCommandsOptions {
  applicationId: string;
  /** Register in this guild only (instant updates), or globally when null. */
  guildId: GuildId | null;
  settings: Pick<SettingsStore, "meta" | "setMeta">;
  /** The definitions; the registry's unless a test says otherwise. */
  commands?: readonly unknown[];
  retry?: RetryOptions;
}

/** JSON with object keys sorted, so equal definitions always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return encodeHex(new Uint8Array(digest));
}

/**
 * Bulk-overwrites the application's commands (globally, or in one guild) when
 * their hash differs from the one stored under `commands_hash:<scope>`; resolves
 * true when it registered, false when nothing had changed.
 */
export async function registerCommands(
  rest: RestManager,
  options: RegisterCommandsOptions,
): Promise<boolean> {
  const commands = options.commands ?? await registeredCommands();
  const scope = options.guildId === null ? "global" : `guild:${options.guildId}`;
  const key = `commands_hash:${scope}`;
  const hash = await sha256Hex(
    canonicalJson({ applicationId: options.applicationId, scope, commands }),
  );
  if (await options.settings.meta(key) === hash) return false;
  const route = options.guildId === null
    ? `/applications/${options.applicationId}/commands`
    : `/applications/${options.applicationId}/guilds/${options.guildId}/commands`;
  await callDiscord(rest, "PUT", route, {
    body: commands,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  await options.settings.setMeta(key, hash);
  return true;
}
