/**
 * `ticketeer --help` and `ticketeer --version`: every environment variable with
 * its default, and the version line.
 */
import { helpText } from "./help_text.ts";
import { assistantHelpText } from "../assistant/assistant_config.ts";
import { printLine } from "../log.ts";
import { VERSION } from "../version.ts";
import { EXIT_OK } from "./exit_codes.ts";

/** True when the arguments ask for help (`--help`, `-h`, `help`). */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h") || args[0] === "help";
}

/** True when the arguments ask for the version (`--version`, `-V`). */
export function wantsVersion(args: readonly string[]): boolean {
  return args.includes("--version") || args.includes("-V");
}

/** Prints the help text: the bot's, then the assistant service's variables. */
export function helpCommand(): number {
  printLine(helpText(VERSION));
  printLine(assistantHelpText());
  return EXIT_OK;
}

/** Prints `ticketeer VERSION`. */
export function versionCommand(): number {
  printLine(`ticketeer ${VERSION}`);
  return EXIT_OK;
}
