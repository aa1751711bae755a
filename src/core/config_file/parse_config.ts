/**
 * Reads a configuration file: YAML first (a syntax error is reported with its
 * line and column), then the document's rules, every problem at once.
 */
import { parseDocument } from "yaml";
import { type ConfigDocument, configDocumentSchema, configProblems } from "./config_document.ts";

/** The document, or every problem of the file, each with its place. */
export type ParsedConfig = { document: ConfigDocument } | { problems: string[] };

/** Parses and checks the text of a configuration file. */
export function parseConfig(text: string): ParsedConfig {
  const yaml = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    return {
      problems: yaml.errors.map((error) => {
        const at = error.linePos?.[0];
        const first = error.message.split("\n")[0] ?? error.message;
        const message = first.replace(/ at line \d+, column \d+:?$/, "");
        return at === undefined ? message : `line ${at.line}, column ${at.col}: ${message}`;
      }),
    };
  }
  let raw: unknown;
  try {
    raw = yaml.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)] };
  }
  const problems = configProblems(raw);
  if (problems.length > 0) return { problems };
  return { document: configDocumentSchema.parse(raw) };
}
