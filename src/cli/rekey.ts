/**
 * `ticketeer rekey`: seals every stored value under `ENCRYPTION_KEY`, opening
 * values under `ENCRYPTION_KEY_PREVIOUS` (or plain ones, when encryption is
 * newly on). Safe while the bot runs; run it again after a crash.
 */
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { checkEncryptionKey, EncryptionKeyError } from "../db/encryption/key_check.ts";
import { rekey } from "../db/encryption/rekey.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit_codes.ts";

/** Runs the subcommand; returns the exit code. */
export async function rekeyCommand(config: Config, args: readonly string[]): Promise<number> {
  if (args.length > 0) {
    printError(`ticketeer rekey: unexpected argument ${args[0]}\nUsage: ticketeer rekey`);
    return EXIT_USAGE;
  }
  if (config.encryption === undefined) {
    printError("ticketeer rekey: ENCRYPTION_KEY is not set: set the key to encrypt with");
    return EXIT_USAGE;
  }
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    const cipher = await cipherFor(config.encryption);
    await checkEncryptionKey(handle, cipher);
    const result = await rekey(handle, cipher);
    printLine(`Sealed ${result.resealed} values under key ${cipher.keyId}`);
    return EXIT_OK;
  } catch (error) {
    printError(`ticketeer rekey: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof EncryptionKeyError ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    await handle.close();
  }
}
