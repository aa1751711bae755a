/**
 * The web pages in a real headless Chromium (Debian's `/usr/bin/chromium`, driven
 * by playwright-core; no browser is downloaded): sign in through the fake
 * Discord, see my tickets, open a transcript, get 404 for one I may not see,
 * search, share links that stop working after they expire or are revoked, and a
 * form without its CSRF token refused. Every request the page makes is watched:
 * none may go to another host (the fake's authorize page aside, while signing
 * in). Screenshots at 1200 and 390 px go to `test-artifacts/`. Without Chromium the
 * test is skipped, except with `CI=true`, where that is a failure.
 */
import assert from "node:assert/strict";
import { type Browser, chromium, type Page } from "playwright-core";
import { SEARCH_WORD, startWebWorld, type WebWorld } from "./web_world.ts";
import { CHROMIUM, chromiumSkipNote, requireChromium } from "../fixtures/chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

const present = requireChromium("the web browser tests");
const skipNote = chromiumSkipNote(present);

/** A page whose every request is checked against the origins it may reach. */
async function watchedPage(browser: Browser, w: WebWorld, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const strays: string[] = [];
  const authorize = `${w.world.fake.url}/oauth2/authorize`;
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(`${w.origin}/`) || url.startsWith(authorize)) return;
    if (url.startsWith("data:") || url === "about:srcdoc" || url === "about:blank") return;
    strays.push(url);
  });
  return { page, strays, close: () => context.close() };
}

async function signIn(page: Page, w: WebWorld, username: string, path = "/web/") {
  await page.goto(`${w.origin}${path}`);
  await page.getByRole("button", { name: `Authorize as ${username}` }).click();
  await page.waitForURL((url) => url.origin === w.origin && url.pathname === path);
}

async function screenshot(page: Page, name: string) {
  await Deno.mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });
}

Deno.test({
  name:
    `web pages in Chromium: sign-in, my tickets, transcripts, 404, search, share links, CSRF${skipNote}`,
  ignore: !present,
  // playwright keeps its own connection resources for the browser's lifetime.
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await using w = await startWebWorld();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const alice = w.world.fake.state.users.get(w.g.members[0]!)!.username;
      const staffName = w.world.fake.state.users.get(w.g.staff)!.username;
      const ticketPath = `/web/t/${w.g.guild}/${w.closed.number}`;

      // The opener: my tickets, the transcript in its frame, bob's ticket is a 404.
      for (const width of [1200, 390]) {
        const opener = await watchedPage(browser, w, width);
        await signIn(opener.page, w, alice);
        await opener.page.getByRole("link", { name: `#${w.closed.number}` }).click();
        await opener.page.waitForURL(`${w.origin}${ticketPath}`);
        const frame = opener.page.frameLocator("iframe.transcript");
        await frame.getByText(`My ${SEARCH_WORD} model never arrived`).waitFor();
        // Runs in the page, where `document` exists; typed loosely for Deno's checker.
        const overflow = await opener.page.evaluate(
          "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        ) as number;
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
        await screenshot(opener.page, `web-transcript-${width}.png`);
        const denied = await opener.page.goto(`${w.origin}/web/t/${w.g.guild}/${w.other.number}`);
        assert.equal(denied?.status(), 404);
        const list = await opener.page.goto(`${w.origin}/web/g/${w.g.guild}`);
        assert.equal(list?.status(), 404, "a member does not see the guild's list");
        await opener.page.goto(`${w.origin}/web/`);
        await screenshot(opener.page, `web-my-tickets-${width}.png`);
        assert.deepEqual(opener.strays, [], "requests to other hosts");
        await opener.close();
      }

      // Staff: search, make a share link, revoke another, and a form without its token.
      const staff = await watchedPage(browser, w, 1200);
      await signIn(staff.page, w, staffName, `/web/g/${w.g.guild}`);
      await staff.page.getByLabel("Search messages").fill(SEARCH_WORD);
      await staff.page.getByRole("button", { name: "Filter" }).click();
      await staff.page.waitForURL(/q=zeppelin/);
      const rows = staff.page.locator("tbody tr");
      assert.equal(await rows.count(), 1);
      assert.ok((await rows.first().textContent())?.includes(`#${w.closed.number}`));
      await screenshot(staff.page, "web-guild-search-1200.png");

      await rows.first().getByRole("link").click();
      await staff.page.getByRole("button", { name: "Make a share link" }).click();
      const link = await staff.page.locator("ul.links a").first().getAttribute("href");
      assert.ok(link);
      await staff.page.getByRole("heading", { name: "Audit trail" }).waitFor();

      const visitor = await watchedPage(browser, w, 390);
      const shared = await visitor.page.goto(link);
      assert.equal(shared?.status(), 200);
      await visitor.page.frameLocator("iframe.transcript").getByText(SEARCH_WORD, { exact: false })
        .first().waitFor();
      await screenshot(visitor.page, "web-shared-390.png");

      await staff.page.getByRole("button", { name: "Revoke" }).click();
      await staff.page.getByText("No active link.").waitFor();
      assert.equal((await visitor.page.goto(link))?.status(), 404, "revoked");

      await staff.page.getByRole("button", { name: "Make a share link" }).click();
      const second = await staff.page.locator("ul.links a").first().getAttribute("href");
      assert.ok(second);
      assert.equal((await visitor.page.goto(second))?.status(), 200);
      w.clock.advance(7 * 24 * 3600_000 + 1000);
      assert.equal((await visitor.page.goto(second))?.status(), 404, "expired");

      // A form whose token was removed is refused (the session lasts 7 days: sign in again).
      await signIn(staff.page, w, staffName, ticketPath);
      await staff.page.locator("form[action$='/share'] input[name=csrf]").evaluate((input) =>
        input.remove()
      );
      const [refused] = await Promise.all([
        staff.page.waitForResponse((r) => r.url().endsWith("/share")),
        staff.page.getByRole("button", { name: "Make a share link" }).click(),
      ]);
      assert.equal(refused.status(), 403);
      await staff.page.getByText("This form was refused").waitFor();
      assert.deepEqual([...staff.strays, ...visitor.strays], [], "requests to other hosts");
      await staff.close();
      await visitor.close();
    } finally {
      await browser.close();
    }
  },
});
