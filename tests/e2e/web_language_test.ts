/**
 * The web pages in the reader's language: German from the browser's
 * `Accept-Language`, and from the language chooser (a cookie that outlasts the
 * header, set by a form that carries the session's CSRF token); dates through
 * `Intl`; the guild's list with people's names and its priority filter.
 */
import assert from "node:assert/strict";
import { CookieClient, startWebWorld } from "./web_world.ts";

const GERMAN = { "accept-language": "de-DE,de;q=0.9,en;q=0.5" };

function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, "the page has a CSRF token");
  return token;
}

Deno.test("web pages: Accept-Language de shows the pages in German, dates and names included", async () => {
  await using w = await startWebWorld();
  await w.world.app.stores.tickets.setPriority(w.other.id, "urgent");
  const client = new CookieClient();
  await client.signIn(w.origin, w.g.staff);

  const list = await client.fetch(`${w.origin}/web/g/${w.g.guild}`, { headers: GERMAN });
  const html = await list.text();
  assert.equal(list.status, 200);
  assert.equal(list.headers.get("content-language"), "de");
  assert.match(html, /<html lang="de">/);
  assert.ok(html.includes("Tickets von Support HQ"), "the heading");
  assert.ok(html.includes("Nachrichten durchsuchen") && html.includes("Filtern"));
  assert.ok(html.includes("geschlossen") && html.includes("dringend"), "status and priority");
  assert.ok(html.includes("Meine Tickets") && html.includes("Abmelden"), "the header");
  const opened = new Intl.DateTimeFormat("de", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(w.closed.createdAt);
  assert.ok(html.includes(`${opened} UTC`), `the date as German writes it: ${opened}`);
  assert.ok(html.includes(">member1</span>"), "the opener by name");
  assert.ok(!html.includes(`<code>${w.closed.openerId}</code>`), "not by a bare id");
  assert.ok(!/Search messages|Opened by|Sign out/.test(html), "no English left");

  const urgent = await (await client.fetch(
    `${w.origin}/web/g/${w.g.guild}?priority=urgent`,
    { headers: GERMAN },
  )).text();
  assert.ok(urgent.includes(`/web/t/${w.g.guild}/${w.other.number}"`));
  assert.ok(!urgent.includes(`/web/t/${w.g.guild}/${w.closed.number}"`));
  assert.match(urgent, /<option value="urgent"\s+selected\s*>dringend<\/option>/);

  const ticket = await (await client.fetch(
    `${w.origin}/web/t/${w.g.guild}/${w.closed.number}`,
    { headers: GERMAN },
  )).text();
  assert.ok(ticket.includes("Audit-Log") && ticket.includes("Freigabelink erstellen"));
  assert.ok(ticket.includes("HTML herunterladen") && ticket.includes("Grund"));
  const missing = await client.fetch(`${w.origin}/web/t/${w.g.guild}/999`, { headers: GERMAN });
  assert.equal(missing.status, 404);
  assert.ok((await missing.text()).includes("Nicht gefunden"));
});

Deno.test("web pages: the language chooser keeps German in a cookie, and needs the CSRF token", async () => {
  await using w = await startWebWorld();
  const client = new CookieClient();
  await client.signIn(w.origin, w.g.members[0]!);
  const english = await (await client.fetch(`${w.origin}/web/`)).text();
  assert.match(english, /<html lang="en">/);
  assert.ok(english.includes("My tickets"));
  assert.match(english, /<form class="language" method="post"\s+action="\/web\/language">/);

  const forged = await client.fetch(`${w.origin}/web/language`, {
    method: "POST",
    body: new URLSearchParams({ lang: "de", next: "/web/" }),
  });
  assert.equal(forged.status, 403, "a form without the session's token");
  await forged.body?.cancel();
  assert.equal(client.cookies.get("ticketeer_lang"), undefined);

  const chosen = await client.fetch(`${w.origin}/web/language`, {
    method: "POST",
    body: new URLSearchParams({ csrf: csrfOf(english), lang: "de", next: "/web/?x=1" }),
  });
  await chosen.body?.cancel();
  assert.equal(chosen.status, 303);
  assert.equal(chosen.headers.get("location"), "/web/?x=1", "back to the page it came from");
  const cookie = chosen.headers.getSetCookie().find((c) => c.startsWith("ticketeer_lang=de"));
  assert.ok(cookie, "the choice is a cookie");
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.match(cookie, /Path=\/web/);

  const german = await (await client.fetch(`${w.origin}/web/`, {
    headers: { "accept-language": "fr" },
  })).text();
  assert.match(german, /<html lang="de">/, "the choice outweighs the browser's header");
  assert.ok(german.includes("Meine Tickets"));
  assert.match(german, /<option value="de"\s+selected\s*>Deutsch<\/option>/);

  const elsewhere = await client.fetch(`${w.origin}/web/language`, {
    method: "POST",
    body: new URLSearchParams({ csrf: csrfOf(german), lang: "xx", next: "https://evil.example/" }),
  });
  await elsewhere.body?.cancel();
  assert.equal(elsewhere.headers.get("location"), "/web/", "never to another site");
  assert.equal(client.cookies.get("ticketeer_lang"), "de", "an unknown language changes nothing");

  const visitor = new CookieClient();
  const anonymous = await visitor.fetch(`${w.origin}/web/language`, {
    method: "POST",
    body: new URLSearchParams({ lang: "fr", next: "/web/nowhere" }),
  });
  await anonymous.body?.cancel();
  assert.equal(anonymous.status, 303, "signed out, no session to protect");
  const page = await visitor.fetch(`${w.origin}/web/nowhere`);
  assert.equal(page.status, 404);
  const html = await page.text();
  assert.match(html, /<html lang="fr">/);
  assert.ok(html.includes("Introuvable") && html.includes("Se connecter avec Discord"));
});
