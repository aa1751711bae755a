/**
 * The shape of `src/`, enforced: each rule of STYLE.md that a scan can check runs on
 * `src/` and must find nothing, and runs on `tests/fixtures/architecture/src/` (a
 * tree that breaks every rule) and must find exactly what is broken there, so a
 * scanner that stopped seeing its rule fails too.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { coreImpurities } from "./architecture/core_purity.ts";
import { importCycles } from "./architecture/import_cycles.ts";
import { unexplainedLongFiles } from "./architecture/long_files.ts";
import { moduleState } from "./architecture/module_state.ts";
import { ROOT_FILES, strayRootFiles } from "./architecture/root_files.ts";
import { wideCharacters } from "./architecture/wide_characters.ts";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const BROKEN = fileURLToPath(new URL("./fixtures/architecture/src/", import.meta.url));

/**
 * Long modules that other branches are splitting right now, each with the reason. Drop
 * an entry once its split is merged (the last test below fails while one is stale).
 */
const LONG_ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([]);

/**
 * Module-level state in modules that another branch is changing right now, as
 * `path#name`, each with the reason. Drop an entry once it is fixed there.
 */
const STATE_ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([]);

/**
 * Module-level state kept on purpose, as `path#name`, each with the reason: code a
 * process loads once, never a fact that correctness rests on.
 */
const STATE_KEPT: ReadonlyMap<string, string> = new Map<string, string>([
  [
    "i18n/catalogs.ts#LOADED",
    "the catalogs of the languages loaded so far, kept as the module map keeps their modules",
  ],
]);

/** Fails with `advice` and every offender, one a line, unless there is none. */
function assertNone(offenders: string[], advice: string): void {
  assert.deepEqual(offenders, [], `${advice}:${offenders.map((line) => `\n  ${line}`).join("")}`);
}

Deno.test("src/ holds only main.ts, config.ts, log.ts and version.ts at its root", async () => {
  assertNone(
    await strayRootFiles(SRC),
    `Move these into a folder of src/ (only ${ROOT_FILES.join(", ")} stay)`,
  );
});

Deno.test("strayRootFiles() finds a module at the root beside the four allowed ones", async () => {
  assert.deepEqual(await strayRootFiles(BROKEN), ["helpers.ts"]);
});

Deno.test("no modules of src/ import each other in a circle", async () => {
  assertNone(await importCycles(SRC), "Break these import cycles");
});

Deno.test("importCycles() reports a cycle as the path that closes it, type-only imports included", async () => {
  assert.deepEqual(await importCycles(BROKEN), [
    "app/first.ts → app/second.ts → app/third.ts → app/first.ts",
  ]);
});

Deno.test("src/core/ imports no Discord library, database driver or node: module, and uses no runtime, timer, randomness or network itself", async () => {
  const found = (await coreImpurities(SRC)).map((i) => `${i.path}:${i.line}: ${i.found}`);
  assertNone(found, "Take these through ctx instead");
});

Deno.test("coreImpurities() finds each forbidden import and global, and nothing in comments, strings or ports", async () => {
  const found = (await coreImpurities(BROKEN)).map((i) => `${i.path}:${i.line}: ${i.found}`);
  assert.deepEqual(found, [
    'core/impure.ts:2: import "@discordeno/bot"',
    'core/impure.ts:3: import "kysely"',
    'core/impure.ts:4: import "node:crypto"',
    "core/impure.ts:14: Deno.",
    "core/impure.ts:15: setTimeout",
    "core/impure.ts:17: setInterval",
    "core/impure.ts:19: crypto.",
    "core/impure.ts:20: fetch(",
    "core/impure.ts:21: Math.random",
  ]);
});

Deno.test("src/ keeps no module-level mutable state", async () => {
  const found = (await moduleState(SRC))
    .filter((s) =>
      !STATE_ALLOWED.has(`${s.path}#${s.name}`) && !STATE_KEPT.has(`${s.path}#${s.name}`)
    )
    .map((s) => `${s.path}:${s.line}: ${s.name} (${s.why})`);
  assertNone(
    found,
    "Pass these in through ctx, or make them constant (ReadonlySet, as const, Object.freeze)",
  );
});

Deno.test("moduleState() finds top-level lets, collections and mutated literals, and allows constant tables", async () => {
  const found = (await moduleState(BROKEN)).map((s) => `${s.path}:${s.line}: ${s.name} (${s.why})`);
  assert.deepEqual(found, [
    "state/counters.ts:3: count (top-level let)",
    "state/counters.ts:4: seen (a Map that any code may change)",
    "state/counters.ts:5: queue (a literal its module mutates)",
    "state/counters.ts:6: totals (a literal its module mutates)",
    "state/counters.ts:7: nested (a literal its module mutates)",
  ]);
});

Deno.test("every module of src/ over 300 lines says why in its opening comment", async () => {
  const found = (await unexplainedLongFiles(SRC))
    .filter((file) => !LONG_ALLOWED.has(file.path))
    .map((file) => `${file.path} (${file.lines} lines)`);
  assertNone(
    found,
    'Split these, or say why in the opening comment ("Longer than …" or "Kept in one file because …")',
  );
});

Deno.test("unexplainedLongFiles() finds a long module that does not say why, and accepts one that does", async () => {
  const found = await unexplainedLongFiles(`${BROKEN}long`, { maxLines: 10 });
  assert.deepEqual(found, [{ path: "unexplained.ts", lines: 11 }]);
});

Deno.test("the modules of src/ keep to Latin-1, so V8 holds their sources at one byte per character", async () => {
  const found = (await wideCharacters(SRC)).map((c) => `${c.path}:${c.line}: ${c.found}`);
  assertNone(found, 'Write these as escapes ("\\u2019"), or as ASCII in comments');
});

Deno.test("wideCharacters() finds a character beyond Latin-1 in a string and a comment, and passes accents", async () => {
  const found = (await wideCharacters(`${BROKEN}wide`)).map((c) =>
    `${c.path}:${c.line}: ${c.found}`
  );
  assert.deepEqual(found, ["arrows.ts:1: U+2192 (→)", "arrows.ts:3: U+2019 (’)"]);
});

Deno.test("the architecture allow-lists name only modules that still break their rule", async () => {
  const long = new Set((await unexplainedLongFiles(SRC)).map((file) => file.path));
  const state = new Set((await moduleState(SRC)).map((s) => `${s.path}#${s.name}`));
  const stale = [
    ...[...LONG_ALLOWED.keys()].filter((path) => !long.has(path)),
    ...[...STATE_ALLOWED.keys()].filter((key) => !state.has(key)),
    ...[...STATE_KEPT.keys()].filter((key) => !state.has(key)),
  ];
  assertNone(stale, "Drop these entries from tests/architecture_test.ts");
});
