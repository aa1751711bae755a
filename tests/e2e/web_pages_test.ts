/**
 * The web pages over HTTP, end to end: sign-in through the fake Discord's OAuth2
 * flow, who sees which ticket (everyone else gets 404), search, CSRF, and share
 * links that stop working when they expire or are revoked.
 */
import assert from "node:assert/strict";
import { CookieClient, SEARCH_WORD, startWebWorld } from "./web_world.ts";
import { botMessagesIn } from "./world.ts";

Deno.test("web pages: the opener signs in with Discord and sees their ticket and its transcript", async () => {
  await using w = await startWebWorld();
  const alice = w.g.members[0]!;
  const client = new CookieClient();
  const callback = await client.signIn(w.origin, alice);
  assert.equal(callback.status, 302);
  assert.equal(callback.headers.get("location"), "/web/");
  const session = callback.headers.getSetCookie().find((c) => c.startsWith("ticketeer_session="));
  assert.ok(session);
  assert.match(session, /HttpOnly/i);
  assert.match(session, /SameSite=Lax/i);
  assert.doesNotMatch(session, /Secure/i, "not Secure on an http:// PUBLIC_URL");
  assert.equal(w.world.fake.oauth2.exchanges, 1);

  const mine = await client.fetch(`${w.origin}/web/`);
  const html = await mine.text();
  assert.equal(mine.status, 200);
  assert.match(mine.headers.get("content-security-policy") ?? "", /default-src 'none'/);
  assert.ok(html.includes(`/web/t/${w.g.guild}/${w.closed.number}`), "the closed ticket");
  assert.ok(!html.includes(`/web/t/${w.g.guild}/${w.other.number}"`), "not bob's ticket");

  const page = await client.fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}`);
  const pageHtml = await page.text();
  assert.equal(page.status, 200);
  assert.ok(pageHtml.includes('sandbox="allow-scripts"'));
  assert.ok(!pageHtml.includes("Audit trail"), "the opener is not staff");
  const doc = await client.fetch(
    `${w.origin}/web/t/${w.g.guild}/${w.closed.number}/transcript.html`,
  );
  assert.ok((await doc.text()).includes(SEARCH_WORD));
  assert.match(doc.headers.get("content-security-policy") ?? "", /frame-ancestors 'self'/);
  const text = await client.fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}/download.txt`);
  assert.match(text.headers.get("content-disposition") ?? "", /attachment/);
  assert.ok((await text.text()).includes(SEARCH_WORD));
});

Deno.test("web pages: a ticket or guild list one may not see is a 404, as is one that does not exist", async () => {
  await using w = await startWebWorld();
  const client = new CookieClient();
  await client.signIn(w.origin, w.g.members[1]!);
  for (
    const path of [
      `/web/t/${w.g.guild}/${w.closed.number}`,
      `/web/t/${w.g.guild}/${w.closed.number}/download.html`,
      `/web/t/${w.g.guild}/999`,
      `/web/g/${w.g.guild}`,
    ]
  ) {
    const response = await client.fetch(`${w.origin}${path}`);
    await response.body?.cancel();
    assert.equal(response.status, 404, path);
  }
  const anonymous = await fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}`, {
    redirect: "manual",
  });
  await anonymous.body?.cancel();
  assert.equal(anonymous.status, 302, "signing in first");
  assert.match(anonymous.headers.get("location") ?? "", /^\/web\/login\?next=/);
});

Deno.test("web pages: staff search a guild's archived messages and see the audit trail", async () => {
  await using w = await startWebWorld();
  const client = new CookieClient();
  await client.signIn(w.origin, w.g.staff);
  const list = await client.fetch(`${w.origin}/web/g/${w.g.guild}?q=${SEARCH_WORD.toUpperCase()}`);
  const html = await list.text();
  assert.equal(list.status, 200);
  assert.ok(html.includes(`/web/t/${w.g.guild}/${w.closed.number}"`));
  assert.ok(!html.includes(`/web/t/${w.g.guild}/${w.other.number}"`));
  const open = await client.fetch(`${w.origin}/web/g/${w.g.guild}?status=open`);
  assert.ok((await open.text()).includes(`/web/t/${w.g.guild}/${w.other.number}"`));
  const page = await client.fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}`);
  const pageHtml = await page.text();
  assert.ok(pageHtml.includes("Audit trail"));
  assert.ok(pageHtml.includes("ticket."), "audit actions are listed");
});

Deno.test("web pages: the ticket page names people, shows the priority, and the rating to staff only", async () => {
  await using w = await startWebWorld();
  const { feedback } = w.world.app.stores;
  await feedback.ask(w.closed.id, w.closed.guildId, null, new Date());
  assert.equal(await feedback.rate(w.closed.id, 4, new Date()), "rated");
  assert.ok(await feedback.comment(w.closed.id, "Quick and kind help"));
  const url = `${w.origin}/web/t/${w.g.guild}/${w.closed.number}`;

  const staff = new CookieClient();
  await staff.signIn(w.origin, w.g.staff);
  const staffPage = await (await staff.fetch(url)).text();
  const facts = staffPage.slice(
    staffPage.indexOf('<dl class="facts">'),
    staffPage.indexOf("</dl>"),
  );
  assert.match(facts, new RegExp(`<span title="${w.g.members[0]}">member1</span>`), "the opener");
  assert.match(facts, /Priority<\/dt>\s*<dd><span class="priority normal">normal<\/span>/);
  assert.match(facts, /Rating<\/dt>\s*<dd>4 \/ 5<\/dd>/);
  assert.match(facts, /Comment<\/dt>\s*<dd>Quick and kind help<\/dd>/);
  const audit = staffPage.slice(staffPage.indexOf("Audit trail"));
  assert.match(audit, new RegExp(`<span title="${w.g.staff}">sam-staff</span>`), "who closed it");
  assert.ok(!audit.includes(`<code>${w.g.staff}</code>`), "not a bare id");

  const opener = new CookieClient();
  await opener.signIn(w.origin, w.g.members[0]!);
  const openerPage = await (await opener.fetch(url)).text();
  assert.match(openerPage, /class="priority normal"/);
  assert.ok(!openerPage.includes("Quick and kind help"), "the rating is for staff");
  assert.ok(!openerPage.includes("Rating"));
});

function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, "the page has a CSRF token");
  return token;
}

Deno.test("web pages: a form without its CSRF token is refused with 403", async () => {
  await using w = await startWebWorld();
  const client = new CookieClient();
  await client.signIn(w.origin, w.g.staff);
  const url = `${w.origin}/web/t/${w.g.guild}/${w.closed.number}/share`;
  const without = await client.fetch(url, { method: "POST", body: new URLSearchParams() });
  assert.equal(without.status, 403);
  assert.ok((await without.text()).includes("refused"));
  const wrong = await client.fetch(url, {
    method: "POST",
    body: new URLSearchParams({ csrf: "not-the-token" }),
  });
  await wrong.body?.cancel();
  assert.equal(wrong.status, 403);
  const logout = await client.fetch(`${w.origin}/web/logout`, { method: "POST" });
  await logout.body?.cancel();
  assert.equal(logout.status, 403, "signing out is a form too");
  assert.deepEqual(
    await w.world.app.stores.tickets.get(w.closed.id).then(() => "unchanged"),
    "unchanged",
  );
});

Deno.test("web pages: a share link works without signing in until it expires or is revoked", async () => {
  await using w = await startWebWorld();
  const staff = new CookieClient();
  await staff.signIn(w.origin, w.g.staff);
  const pageUrl = `${w.origin}/web/t/${w.g.guild}/${w.closed.number}`;
  const share = async (days: string) => {
    const before = await (await staff.fetch(pageUrl)).text();
    const made = await staff.fetch(`${pageUrl}/share`, {
      method: "POST",
      body: new URLSearchParams({ csrf: csrfOf(before), days }),
    });
    await made.body?.cancel();
    assert.equal(made.status, 303);
  };
  const linksOn = async () =>
    [...(await (await staff.fetch(pageUrl)).text()).matchAll(/href="(http[^"]+\/web\/s\/[^"]+)"/g)]
      .map((m) => m[1]!);
  const status = async (url: string) => {
    const response = await fetch(url);
    const body = await response.text();
    return { status: response.status, body };
  };

  await share("7");
  const [first] = await linksOn();
  assert.ok(first);
  const shared = await status(first);
  assert.equal(shared.status, 200);
  assert.ok(shared.body.includes("Shared with a link"));
  assert.ok((await status(`${first}/transcript.html`)).body.includes(SEARCH_WORD));
  const dot = first.lastIndexOf(".");
  const forged = first.slice(0, dot + 1) + (first[dot + 1] === "A" ? "B" : "A") +
    first.slice(dot + 2);
  assert.equal((await status(forged)).status, 404, "a changed signature");

  w.clock.advance(7 * 24 * 3600_000 + 1000);
  assert.equal((await status(first)).status, 404, "expired after 7 days");
  // The staff member's session lasts 7 days too.
  await staff.signIn(w.origin, w.g.staff);
  assert.deepEqual(await linksOn(), [], "no longer listed");

  await share("7");
  const [second] = await linksOn();
  assert.ok(second);
  assert.equal((await status(second)).status, 200);
  const page = await (await staff.fetch(pageUrl)).text();
  const revokeAction = /action="([^"]+\/revoke)"/.exec(page)?.[1];
  assert.ok(revokeAction);
  const revoked = await staff.fetch(`${w.origin}${revokeAction}`, {
    method: "POST",
    body: new URLSearchParams({ csrf: csrfOf(page) }),
  });
  await revoked.body?.cancel();
  assert.equal(revoked.status, 303);
  assert.equal((await status(second)).status, 404, "revoked");
  assert.equal((await status(`${second}/download.txt`)).status, 404);
});

Deno.test("web pages: the log summary and the closing DM link the transcript page instead of attaching it", async () => {
  await using w = await startWebWorld();
  const url = `${w.origin}/web/t/${w.g.guild}/${w.closed.number}`;
  const summary = botMessagesIn(w.world.fake, w.g.logs).find((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${w.closed.number} closed`)
  );
  const dm = w.world.fake.state.dmChannels.get(w.g.members[0]!);
  assert.ok(summary && dm);
  const [sent] = botMessagesIn(w.world.fake, dm);
  for (const message of [summary, sent!]) {
    assert.deepEqual(message.attachments, []);
    assert.ok(JSON.stringify(message.components).includes(JSON.stringify(url)), "a link button");
  }
  w.world.fake.assertNoViolations();
});
