/**
 * `ticketeer config export --guild ID [--out FILE]` writes a guild's
 * configuration file; `ticketeer config apply FILE [--dry-run]` prints what the
 * file changes and applies it (in one transaction) unless `--dry-run`. The
 * command line cannot reach Discord, so a file whose changes need it (a posted
 * panel to edit, staff roles of a type with open tickets) is refused with the
 * same exit code as an invalid file: use `/config import` in the server.
 */
import { getLogger } from "@logtape/logtape";
import type { GuildId } from "../core/ids.ts";
import type { Config } from "../config.ts";
import { applyConfig, discordWork } from "../core/config_file/apply_config.ts";
import { describeChanges } from "../core/config_file/describe_changes.ts";
import { documentOf, readConfigState, renderConfig } from "../core/config_file/export_config.ts";
import { prepareImport } from "../core/config_file/prepare_import.ts";
import { openDatabase } from "../db/connect.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { checkEncryptionKey, EncryptionKeyError } from "../db/encryption/key_check.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import type { Stores } from "../core/ports.ts";
import { translator } from "../i18n/translator.ts";
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit_codes.ts";
import { parsePrivacyArgs } from "./privacy_args.ts";

const USAGE = "Usage: ticketeer config export --guild ID [--out FILE]\n" +
  "       ticketeer config apply FILE [--dry-run]";

/** Runs `work` over the stores of the configured database; returns its exit code. */
async function withStores(
  config: Config,
  work: (stores: Stores) => Promise<number>,
): Promise<number> {
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    const cipher = await cipherFor(config.encryption);
    await checkEncryptionKey(handle, cipher);
    return await work(createStores(handle, { cipher }));
  } catch (error) {
    printError(`ticketeer config: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof EncryptionKeyError ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    await handle.close();
  }
}

async function exportFile(config: Config, args: readonly string[]): Promise<number> {
  const parsed = parsePrivacyArgs(args, { allowed: ["guild", "out"] });
  if ("problem" in parsed || parsed.guild === null) {
    printError(
      `ticketeer config export: ${
        "problem" in parsed ? parsed.problem : "--guild is required"
      }\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const { guild, out } = parsed;
  return await withStores(config, async (stores) => {
    const text = renderConfig(documentOf(await readConfigState(stores, guild as GuildId)));
    if (out === null) await Deno.stdout.write(new TextEncoder().encode(text));
    else {
      await Deno.writeTextFile(out, text);
      printLine(`Wrote the configuration of guild ${guild} to ${out}`);
    }
    return EXIT_OK;
  });
}

async function applyFile(config: Config, args: readonly string[]): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const rest = args.filter((a) => a !== "--dry-run");
  const path = rest[0];
  if (path === undefined || rest.length !== 1 || path.startsWith("--")) {
    printError(`ticketeer config apply: name one file\n${USAGE}`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    printError(
      `ticketeer config apply: cannot read ${path}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return EXIT_USAGE;
  }
  return await withStores(config, async (stores) => {
    const prepared = await prepareImport(stores, { guildId: null, text });
    const problems = prepared.kind === "invalid"
      ? prepared.problems
      : discordWork(prepared.plan, prepared.state, prepared.openByType);
    if (problems.length > 0) {
      printError(
        `ticketeer config apply: nothing was applied; ${path} has ${problems.length} problem${
          problems.length === 1 ? "" : "s"
        }:`,
      );
      for (const problem of problems) printError(`  ${problem}`);
      return EXIT_USAGE;
    }
    if (prepared.kind === "invalid") return EXIT_USAGE;
    const lines = describeChanges(translator("en"), prepared.changes, prepared.notes);
    if (prepared.changes.length === 0) {
      printLine(`No changes: ${path} matches the configuration of guild ${prepared.guildId}`);
      for (const line of lines) printLine(`  ${line}`);
      return EXIT_OK;
    }
    printLine(
      `${path} makes ${prepared.changes.length} change${
        prepared.changes.length === 1 ? "" : "s"
      } to guild ${prepared.guildId}:`,
    );
    for (const line of lines) printLine(`  ${line}`);
    if (dryRun) {
      printLine("Dry run: nothing was applied.");
      return EXIT_OK;
    }
    await applyConfig({ ...stores, log: getLogger(["ticketeer", "config"]) }, {
      guildId: prepared.guildId,
      actorId: null,
      plan: prepared.plan,
      state: prepared.state,
    }, { changeCount: prepared.changes.length });
    printLine(
      `Applied ${prepared.changes.length} change${prepared.changes.length === 1 ? "" : "s"}.`,
    );
    return EXIT_OK;
  });
}

/** Runs `ticketeer config export|apply`; returns the exit code. */
export function configFileCommand(config: Config, args: readonly string[]): Promise<number> {
  if (args[0] === "export") return exportFile(config, args.slice(1));
  if (args[0] === "apply") return applyFile(config, args.slice(1));
  printError(`ticketeer config: choose export or apply\n${USAGE}`);
  return Promise.resolve(EXIT_USAGE);
}
