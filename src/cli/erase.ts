/**
 * `ticketeer erase --guild ID --user ID`: removes a member's message content,
 * answers, attachments and name from the guild's archives and transcripts.
 */
import type { GuildId, UserId } from "../core/ids.ts";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { checkEncryptionKey, EncryptionKeyError } from "../db/encryption/key_check.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { privacyStore } from "../db/stores/privacy.ts";
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit_codes.ts";
import { parsePrivacyArgs } from "./privacy_args.ts";

const USAGE = "Usage: ticketeer erase --guild ID --user ID";

/** Runs the subcommand; returns the exit code. */
export async function eraseCommand(config: Config, args: readonly string[]): Promise<number> {
  const parsed = parsePrivacyArgs(args, { allowed: ["guild", "user"] });
  if ("problem" in parsed || parsed.guild === null || parsed.user === null) {
    printError(
      `ticketeer erase: ${
        "problem" in parsed ? parsed.problem : "--guild and --user are required"
      }\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const { guild, user } = parsed;
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    const cipher = await cipherFor(config.encryption);
    await checkEncryptionKey(handle, cipher);
    const scope = { db: handle.db, kind: handle.kind, now: () => Date.now(), cipher };
    const result = await privacyStore(scope).erase(guild as GuildId, {
      userId: user as UserId,
      actorId: null,
    });
    printLine(
      `Erased ${result.messages} messages of ${user} in ${result.tickets} tickets ` +
        `(${result.transcripts} transcripts rendered again)`,
    );
    return EXIT_OK;
  } catch (error) {
    printError(`ticketeer erase: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof EncryptionKeyError ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    await handle.close();
  }
}
