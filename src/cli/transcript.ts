/**
 * `ticketeer transcript <guild-id> <ticket-number> [--close N] [--list] [--notes]
 * [--out FILE] [--text]`: writes a stored transcript (the latest, or that of the
 * ticket's Nth close) to a file, or to standard output without `--out`; `--list`
 * lists them; `--notes` writes the ticket's staff notes instead.
 */
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { printError, printLine } from "../log.ts";
import { exportStaffNotes, exportTranscript, listTranscripts } from "./transcript_export.ts";

const USAGE =
  "Usage: ticketeer transcript <guild-id> <ticket-number> [--close N] [--list] [--notes] [--out FILE] [--text]";

/** What the transcript subcommand was asked for. */
export interface TranscriptArgs {
  guildId: string;
  number: number;
  out: string | null;
  format: "html" | "text";
  /** Which close's transcript (1 = the first); null: the latest. */
  close: number | null;
  list: boolean;
  /** The staff notes instead of a transcript. */
  notes: boolean;
}

function positiveInteger(text: string): number {
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(value) && value >= 1 ? value : NaN;
}

/** Parsed arguments of the transcript subcommand, or a usage problem. */
export function parseTranscriptArgs(
  args: readonly string[],
): TranscriptArgs | { problem: string } {
  const positional: string[] = [];
  let out: string | null = null;
  let format: "html" | "text" = "html";
  let close: number | null = null;
  let list = false;
  let notes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--close" || arg.startsWith("--close=")) {
      const value = arg === "--close" ? args[++i] : arg.slice("--close=".length);
      if (value === undefined) return { problem: "--close needs a number (1 for the first close)" };
      close = positiveInteger(value);
      if (Number.isNaN(close)) {
        return { problem: `--close "${value}" is not a number of 1 or more` };
      }
    } else if (arg === "--list") list = true;
    else if (arg === "--out") {
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
  const number = positiveInteger(numberText);
  if (Number.isNaN(number)) return { problem: `"${numberText}" is not a ticket number` };
  if (list && close !== null) return { problem: "--list and --close do not go together" };
  if (notes && (list || close !== null)) {
    return { problem: "--notes goes with neither --list nor --close" };
  }
  return { guildId, number, out, format, close, list, notes };
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
    const ref = { guildId: parsed.guildId, number: parsed.number };
    const text = parsed.notes
      ? await exportStaffNotes(stores, ref, { format: parsed.format })
      : parsed.list
      ? await listTranscripts(stores, ref)
      : await exportTranscript(stores, ref, { format: parsed.format, close: parsed.close });
    if (parsed.out === null) {
      await Deno.stdout.write(new TextEncoder().encode(text));
    } else {
      await Deno.writeTextFile(parsed.out, text);
      printLine(
        parsed.list
          ? `Wrote the list of ticket ${parsed.number}'s transcripts to ${parsed.out}`
          : `Wrote ticket ${parsed.number}'s ${
            parsed.notes ? "staff notes" : "transcript"
          } to ${parsed.out}`,
      );
    }
    return 0;
  } catch (error) {
    printError(`ticketeer transcript: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await handle.close();
  }
}
