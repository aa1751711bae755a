import assert from "node:assert/strict";
import { Hono } from "hono";
import { safeNext } from "./safe_next.ts";
import { webLocale } from "./web_language.ts";

async function localeFor(headers: Record<string, string>): Promise<string> {
  const app = new Hono();
  app.get("/", (c) => c.text(webLocale(c)));
  return await (await app.request("/", { headers })).text();
}

Deno.test("webLocale() takes the chosen cookie first, then Accept-Language, then English", async () => {
  assert.equal(await localeFor({}), "en");
  assert.equal(await localeFor({ "accept-language": "pt-BR,pt;q=0.9" }), "pt-BR");
  assert.equal(await localeFor({ "accept-language": "nl, es;q=0.5" }), "es-ES");
  assert.equal(
    await localeFor({ "accept-language": "fr", cookie: "ticketeer_lang=de" }),
    "de",
  );
  assert.equal(
    await localeFor({ "accept-language": "fr", cookie: "ticketeer_lang=klingon" }),
    "fr",
    "an unknown choice is ignored",
  );
});

Deno.test("safeNext() keeps pages of this site and nothing else", () => {
  assert.equal(safeNext("/web/g/1?q=a"), "/web/g/1?q=a");
  for (
    const next of [null, undefined, "", "https://evil.example/", "//evil", "/other", "/web/\\x"]
  ) {
    assert.equal(safeNext(next), "/web/", String(next));
  }
});
