import assert from "node:assert/strict";
import { IntlMessageFormat } from "intl-messageformat";
import { isPlainMessage, t, translator } from "./translator.ts";
import { isLoaded, loadCatalog, loadLanguages } from "./catalogs.ts";
import { LOCALES } from "./locale.ts";

Deno.test("translator() reads a language's messages once it is loaded, English before", async () => {
  const before = isLoaded("es-ES") ? null : t("es-ES", "close.closed", { number: 4 });
  if (before !== null) assert.equal(before, "Ticket #4 is closed.");
  await loadLanguages(LOCALES);
  assert.notEqual(t("es-ES", "close.closed", { number: 4 }), "Ticket #4 is closed.");
});

Deno.test("translator() fills in arguments and plurals in the reader's language", () => {
  assert.equal(t("en", "close.closed", { number: 4 }), "Ticket #4 is closed.");
  assert.equal(t("de", "close.closed", { number: 4 }), "Ticket #4 ist geschlossen.");
  assert.match(t("fr", "failure.rate_limited", { seconds: 1 }), /dans 1 seconde\./);
  assert.match(t("fr", "failure.rate_limited", { seconds: 5 }), /dans 5 secondes\./);
  assert.match(t("pt-BR", "failure.rate_limited", { seconds: 2 }), /em 2 segundos\./);
});

Deno.test("translator() chooses a select branch", () => {
  const de = translator("de");
  assert.equal(
    de.t("close.question", { number: 2, place: "channel", hasReason: "no", reason: "" }),
    "Ticket #2 schließen? Ein Protokoll wird aufbewahrt und dieser Kanal gelöscht.",
  );
  assert.match(
    de.t("close.question", { number: 2, place: "channel", hasReason: "yes", reason: "Erledigt" }),
    /\nGrund: Erledigt$/,
  );
  assert.match(
    de.t("close.question", { number: 2, place: "archive", hasReason: "no", reason: "" }),
    /dieser Thread archiviert und gesperrt\.$/,
  );
});

Deno.test("translator() writes dates the way each language does", () => {
  const when = new Date("2026-12-01T14:05:00Z");
  assert.equal(translator("en").dateTime(when), "Dec 1, 2026, 2:05 PM UTC");
  assert.equal(translator("de").dateTime(when), "01.12.2026, 14:05 UTC");
  assert.match(translator("fr").date(when), /1 déc\. 2026/);
});

Deno.test("t() rejects an unknown key or a misnamed argument at type check", () => {
  // Never run: the type checker fails this file when a line below type-checks.
  const typeErrors = () => {
    // @ts-expect-error not a key of the English catalog
    t("en", "close.nope");
    // @ts-expect-error the argument is `number`, not `count`
    t("en", "close.closed", { count: 4 });
    // @ts-expect-error a message with arguments needs them
    t("en", "close.closed");
  };
  assert.equal(typeof typeErrors, "function");
});

Deno.test("a plain message reads as the parser would give it back, in every language", async () => {
  let plain = 0;
  for (const locale of LOCALES) {
    const catalog = await loadCatalog(locale);
    const tr = translator(locale) as { t(key: string): string };
    for (const [key, message] of Object.entries(catalog)) {
      if (!isPlainMessage(message)) continue;
      plain++;
      const parsed = String(new IntlMessageFormat(message, locale).format());
      assert.equal(tr.t(key), parsed, key);
    }
  }
  assert.ok(plain > 500, `only ${plain} plain messages: the check reads the catalogs`);
  assert.equal(isPlainMessage("Ticket #{number}"), false);
  assert.equal(isPlainMessage("It's done"), false);
  assert.equal(isPlainMessage("<b>bold</b>"), false);
});

Deno.test("a language's translators share its compiled messages", async () => {
  await loadLanguages(["de"]);
  const first = translator("de").t("close.closed", { number: 7 });
  assert.equal(translator("de").t("close.closed", { number: 8 }), first.replace("7", "8"));
});

Deno.test("text memoised by a language's translators is built once per language", async () => {
  await loadLanguages(["de"]);
  let builds = 0;
  const build = (tr: ReturnType<typeof translator>) => () => {
    builds++;
    return tr.t("config.title");
  };
  const key = `memo-test-${crypto.randomUUID()}`;
  const first = translator("de");
  const german = first.memo(key, build(first));
  assert.equal(translator("de").memo(key, build(translator("de"))), german);
  assert.equal(builds, 1);
  const english = translator("en").memo(key, build(translator("en")));
  assert.equal(builds, 2);
  assert.notEqual(english, german);
});
