/**
 * Which database to use, read from `DATABASE_URL`, and how to name it in logs
 * without its credentials.
 */

/** A database to connect to: an SQLite file (or `:memory:`), PostgreSQL or MySQL/MariaDB. */
export type DatabaseTarget =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string }
  | { kind: "mysql"; url: string };

const ACCEPTED = "DATABASE_URL must start with sqlite:, postgres:// or mysql://";

/**
 * Reads `DATABASE_URL`: `sqlite:PATH`, `sqlite::memory:`, `postgres://...`,
 * `postgresql://...`, `mysql://...` or `mariadb://...`. Returns a problem sentence
 * (never containing the password) when the text is not one of those.
 */
export function parseDatabaseUrl(text: string): DatabaseTarget | { problem: string } {
  const value = text.trim();
  if (value === "") return { problem: `${ACCEPTED} (got an empty value)` };
  const lower = value.toLowerCase();

  if (lower.startsWith("sqlite:")) {
    let path = value.slice("sqlite:".length);
    // `sqlite:///var/lib/x.db` names an absolute path, as in most database URL schemes.
    if (path.startsWith("//")) path = path.slice(2);
    if (path === "") {
      return { problem: "DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/ticketeer.db" };
    }
    return { kind: "sqlite", path };
  }

  for (const [prefix, kind] of SERVER_SCHEMES) {
    if (!lower.startsWith(prefix)) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return {
        problem: `DATABASE_URL is not a valid ${kind} URL (${describeScheme(value)}\u2026)`,
      };
    }
    if (url.hostname === "") {
      return { problem: `DATABASE_URL ${kind} URL needs a host, e.g. ${kind}://user@host/db` };
    }
    if (url.pathname.replace(/^\//, "") === "") {
      return {
        problem: `DATABASE_URL ${kind} URL needs a database name, e.g. ${kind}://user@host/db`,
      };
    }
    if (kind === "mysql" && lower.startsWith("mariadb://")) {
      return { kind, url: "mysql://" + value.slice("mariadb://".length) };
    }
    return { kind, url: value };
  }

  return { problem: `${ACCEPTED} (got "${describeScheme(value)}")` };
}

const SERVER_SCHEMES: ReadonlyArray<readonly [string, "postgres" | "mysql"]> = [
  ["postgres://", "postgres"],
  ["postgresql://", "postgres"],
  ["mysql://", "mysql"],
  ["mariadb://", "mysql"],
];

/** The scheme of a URL-like text, so a problem can quote it without its credentials. */
function describeScheme(value: string): string {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/)?/.exec(value);
  if (match) return match[0];
  return value.length > 24 ? `${value.slice(0, 24)}\u2026` : value;
}

/** A credential-free description for logs, e.g. `sqlite ./data/x.db`, `postgres 127.0.0.1:5432/test`. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "sqlite") return `sqlite ${target.path}`;
  const defaultPort = target.kind === "postgres" ? "5432" : "3306";
  try {
    const url = new URL(target.url);
    const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
    return `${target.kind} ${url.hostname}:${url.port || defaultPort}/${database}`;
  } catch {
    return `${target.kind} (unreadable URL)`;
  }
}
