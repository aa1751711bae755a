/**
 * `ticketeer transcript <guild-id> <ticket-number> [--out FILE] [--text] [--notes]`:
 * writes a stored transcript (with `--notes`, the ticket's staff notes) to a file,
 * or to standard output without `--out`.
 */
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { printError, printLine } from "../log.ts";
import { exportStaffNotes, exportTranscript } from "./transcript_export.ts";

const USAGE =
  "Usage: ticketeer transcript <guild-id> <ticket-number> [--out FILE] [--text] [--notes]";

/** Parsed arguments of the transcript subcommand, or a usage problem. */
export function parseTranscriptArgs(
  args: readonly string[],
): {
  guildId: string;
  number: number;
  out: string | null;
  format: "html" | "text";
  notes: boolean;
} | {
  problem: string;
} {
  const positional: string[] = [];
  let out: string | null = null;
  let format: "html" | "text" = "html";
  let notes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--out") {
      const value = args[++i];
      if (value === undefined) return { problem: "--out needs a file name" };
      out = value;
    } else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
    else if (arg === "--text") format = "text";
    else if (arg === "--notes") notes = true;
    else if (arg.startsWith("--")) return { problem: `unknown option ${arg}` };
    else positional.push(arg);
  }
  const [guildId, numberText] = positional;
  if (guildId === undefined || numberText === undefined || positional.length > 2) {
    return { problem: "expected a guild id and a ticket number" };
  }
  const number = /^[0-9]+$/.test(numberText) ? Number(numberText) : NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    return { problem: `"${numberText}" is not a ticket number` };
  }
  return { guildId, number, out, format, notes };
}

/** Runs the subcommand; returns the exit code. */
export async function transcriptCommand(config: Config, args: readonly string[]): Promise<number> {
  const parsed = parseTranscriptArgs(args);
  if ("problem" in parsed) {
    printError(`ticketeer transcript: ${parsed.problem}\n${USAGE}`);
    return 2;
  }
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    const stores = createStores(handle, { cipher: await cipherFor(config.encryption) });
    const text = await (parsed.notes ? exportStaffNotes : exportTranscript)(
      stores,
      parsed.guildId,
      parsed.number,
      parsed.format,
    );
    if (parsed.out === null) {
      await Deno.stdout.write(new TextEncoder().encode(text));
    } else {
      await Deno.writeTextFile(parsed.out, text);
      const what = parsed.notes ? "staff notes" : "transcript";
      printLine(`Wrote ticket ${parsed.number}'s ${what} to ${parsed.out}`);
    }
    return 0;
  } catch (error) {
    printError(`ticketeer transcript: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await handle.close();
  }
}
