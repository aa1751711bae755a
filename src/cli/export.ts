/**
 * `ticketeer export --guild ID [--user ID] [--out FILE]`: everything of a guild
 * (or one member's tickets and messages) as JSON, written row by row.
 */
import type { GuildId, UserId } from "../core/ids.ts";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { checkEncryptionKey, EncryptionKeyError } from "../db/encryption/key_check.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { exportGuild } from "../db/stores/guild_export.ts";
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit_codes.ts";
import { parsePrivacyArgs } from "./privacy_args.ts";

const USAGE = "Usage: ticketeer export --guild ID [--user ID] [--out FILE]";

/** Runs the subcommand; returns the exit code. */
export async function exportCommand(config: Config, args: readonly string[]): Promise<number> {
  const parsed = parsePrivacyArgs(args, { allowed: ["guild", "user", "out"] });
  if ("problem" in parsed || parsed.guild === null) {
    printError(
      `ticketeer export: ${"problem" in parsed ? parsed.problem : "--guild is required"}\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const { guild, user, out } = parsed;
  const handle = await openDatabase(config.database);
  const file = out === null
    ? null
    : await Deno.open(out, { write: true, create: true, truncate: true });
  const writer = (file ?? Deno.stdout).writable.getWriter();
  const encoder = new TextEncoder();
  try {
    await migrateToLatest(handle);
    const cipher = await cipherFor(config.encryption);
    await checkEncryptionKey(handle, cipher);
    const scope = { db: handle.db, kind: handle.kind, now: () => Date.now(), cipher };
    const result = await exportGuild(scope, guild as GuildId, {
      ...(user === null ? {} : { userId: user as UserId }),
      write: (chunk) => writer.write(encoder.encode(chunk)),
    });
    if (out !== null) {
      printLine(`Wrote ${result.tickets} tickets and ${result.messages} messages to ${out}`);
    }
    return EXIT_OK;
  } catch (error) {
    printError(`ticketeer export: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof EncryptionKeyError ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    if (file !== null) await writer.close();
    else writer.releaseLock();
    await handle.close();
  }
}
