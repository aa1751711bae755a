/** The options of `ticketeer erase` and `ticketeer export`: `--guild ID`, `--user ID`, `--out FILE`. */
import { isSnowflake } from "../core/ids.ts";

/** Parsed options, or a usage problem. */
export function parsePrivacyArgs(
  args: readonly string[],
  options: { allowed: readonly ("guild" | "user" | "out")[] },
): { guild: string | null; user: string | null; out: string | null } | { problem: string } {
  const found: Record<"guild" | "user" | "out", string | null> = {
    guild: null,
    user: null,
    out: null,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=")
      ? [arg.slice(2, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg.slice(2), undefined];
    const name = options.allowed.find((n) => arg.startsWith("--") && n === flag);
    if (name === undefined) return { problem: `unknown argument ${arg}` };
    const value = inline ?? args[++i];
    if (value === undefined) return { problem: `--${name} needs a value` };
    if (name !== "out" && !isSnowflake(value)) {
      return { problem: `--${name} must be a numeric Discord id (got "${value}")` };
    }
    found[name] = value;
  }
  return found;
}
