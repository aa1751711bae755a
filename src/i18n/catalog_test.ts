import assert from "node:assert/strict";
import { EN } from "./en.ts";
import { isLoaded, loadCatalog, loadLanguage } from "./catalogs.ts";
import { LOCALES } from "./locale.ts";
import { messageArguments } from "./message_arguments.ts";

/** Mismatches between `catalog` and English: missing or extra keys, other arguments. */
function catalogProblems(catalog: Record<string, string>, locale: string): string[] {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(EN)) {
    const message = catalog[key];
    if (message === undefined) {
      problems.push(`${locale}: ${key} is missing`);
      continue;
    }
    const want = JSON.stringify(Object.entries(messageArguments(english, "en")).sort());
    const got = JSON.stringify(Object.entries(messageArguments(message, locale)).sort());
    if (want !== got) problems.push(`${locale}: ${key} takes ${got}, English takes ${want}`);
  }
  for (const key of Object.keys(catalog)) {
    if (!(key in EN)) problems.push(`${locale}: ${key} is not in the English catalog`);
  }
  return problems;
}

Deno.test("every shipped catalog has each English key with the same arguments", async () => {
  const catalogs = await Promise.all(LOCALES.map(loadCatalog));
  const problems = LOCALES.flatMap((locale, i) => catalogProblems(catalogs[i] ?? {}, locale));
  assert.deepEqual(problems, []);
});

Deno.test("catalogProblems() finds a missing key and a renamed argument", async () => {
  const broken: Record<string, string> = { ...await loadCatalog("de") };
  delete broken["close.cancel"];
  broken["close.closed"] = "Ticket #{nummer} ist geschlossen.";
  const problems = catalogProblems(broken, "de");
  assert.equal(problems.length, 2);
  assert.match(problems.join("\n"), /close\.cancel is missing/);
  assert.match(problems.join("\n"), /close\.closed takes .*nummer/);
});

Deno.test("loadLanguage() makes a language's messages available to every translator", async () => {
  await loadLanguage("fr");
  assert.equal(isLoaded("fr"), true);
  assert.equal(isLoaded("en"), true);
  assert.equal(
    (await loadCatalog("fr"))["close.cancel"],
    (await loadCatalog("fr"))["close.cancel"],
  );
});

Deno.test("messageArguments() reads arguments inside plural and select branches", () => {
  assert.deepEqual(
    messageArguments("{n, plural, one {# {who}} other {{k, select, a {{x}} other {}}}}", "en"),
    { n: "plural", who: "argument", k: "select", x: "argument" },
  );
});
