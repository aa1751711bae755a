import assert from "node:assert/strict";
import { fromAcceptLanguage, fromDiscordLocale } from "./locale.ts";

Deno.test("fromDiscordLocale() maps Discord's locales to a shipped language", () => {
  assert.equal(fromDiscordLocale("en-US"), "en");
  assert.equal(fromDiscordLocale("en-GB"), "en");
  assert.equal(fromDiscordLocale("de"), "de");
  assert.equal(fromDiscordLocale("fr"), "fr");
  assert.equal(fromDiscordLocale("es-ES"), "es-ES");
  assert.equal(fromDiscordLocale("es-419"), "es-ES");
  assert.equal(fromDiscordLocale("pt-BR"), "pt-BR");
});

Deno.test("fromDiscordLocale() falls back to English for a language not shipped", () => {
  assert.equal(fromDiscordLocale("ja"), "en");
  assert.equal(fromDiscordLocale(""), "en");
  assert.equal(fromDiscordLocale(null), "en");
});

Deno.test("fromAcceptLanguage() takes the best shipped language by q-value", () => {
  assert.equal(fromAcceptLanguage("ja, fr-CH;q=0.9, de;q=0.95"), "de");
  assert.equal(fromAcceptLanguage("pt-PT,pt;q=0.9,en;q=0.8"), "pt-BR");
  assert.equal(fromAcceptLanguage("es-MX"), "es-ES");
  assert.equal(fromAcceptLanguage("fr;q=0, de;q=0.1"), "de");
  assert.equal(fromAcceptLanguage("*"), "en");
  assert.equal(fromAcceptLanguage(undefined), "en");
});
