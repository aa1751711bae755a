import assert from "node:assert/strict";
import { t, translator } from "./translator.ts";
import { isLoaded, loadLanguages } from "./catalogs.ts";
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
