import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { userFacingLiterals } from "./literal_scan.ts";

const SRC = fileURLToPath(new URL("../", import.meta.url));

/** Files whose texts are not yet in the catalog: this list only ever shrinks. */
const NOT_YET_IN_CATALOG = new Set<string>([]);

/** Texts for operators and other programs, not for members: logs, the CLI, the assistant. */
const NOT_FOR_MEMBERS = ["i18n/", "cli/", "assistant/", "app/", "db/", "lib/", "log.ts"];

async function* sourceFiles(dir: string, prefix = ""): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory) yield* sourceFiles(`${dir}${entry.name}/`, `${path}/`);
    else if (path.endsWith(".ts") && !path.endsWith("_test.ts")) yield path;
  }
}

Deno.test("every user-facing text in src/ comes from a catalog", async () => {
  const found: string[] = [];
  const converted: string[] = [];
  for await (const path of sourceFiles(SRC)) {
    if (NOT_FOR_MEMBERS.some((p) => path.startsWith(p))) continue;
    const hits = userFacingLiterals(await Deno.readTextFile(`${SRC}${path}`));
    if (NOT_YET_IN_CATALOG.has(path)) {
      if (hits.length === 0) converted.push(path);
      continue;
    }
    for (const hit of hits) found.push(`src/${path}:${hit.line} ${hit.text}`);
  }
  assert.deepEqual(found, [], "move these texts into src/i18n/");
  assert.deepEqual(converted, [], "these files are in the catalog now: take them off the list");
});

Deno.test("userFacingLiterals() finds refusals, replies and embed texts written in code", () => {
  const fixture = [
    'return refuse("not_admin", "Only admins can do that.");',
    "return ephemeral(`Panel posted in <#${id}>.`);",
    'components: [{ label: "Cancel" }],',
    'fields: [{ name: "x", value: "Nobody yet" }],',
    'choices: [{ name: "on", value: "on" }],',
    "content: `<@${me}>`,",
    'return refuse("not_admin", tr.t("config.not_admin"));',
  ].join("\n");
  assert.deepEqual(userFacingLiterals(fixture).map((h) => h.line), [1, 2, 3, 4]);
});
