/**
 * The statistics page in a real headless Chromium (Debian's `/usr/bin/chromium`
 * through playwright-core): staff follow the link from the guild's page and
 * find the four charts (inline SVG) and the figures, at 1200 and 390 px without
 * sideways scrolling and without a request to another host; the CSV link
 * downloads the file; a member who is not staff gets the 404 page. Without
 * Chromium the test is skipped, except with `CI=true`, where that is a failure.
 */
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startWebWorld } from "./web_world.ts";
import { CHROMIUM, chromiumSkipNote, requireChromium } from "../fixtures/chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const present = requireChromium("the statistics browser test");

Deno.test({
  name: `statistics page in Chromium: charts, figures, CSV, 404 for members${
    chromiumSkipNote(present)
  }`,
  ignore: !present,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await using w = await startWebWorld();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const staffName = w.world.fake.state.users.get(w.g.staff)!.username;
      const memberName = w.world.fake.state.users.get(w.g.members[1]!)!.username;
      const statsPath = `/web/g/${w.g.guild}/stats`;
      for (const width of [1200, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const strays: string[] = [];
        const authorize = `${w.world.fake.url}/oauth2/authorize`;
        page.on("request", (request) => {
          const url = request.url();
          if (url.startsWith(`${w.origin}/`) || url.startsWith(authorize)) return;
          if (url.startsWith("data:") || url === "about:blank") return;
          strays.push(url);
        });
        await page.goto(`${w.origin}/web/g/${w.g.guild}`);
        await page.getByRole("button", { name: `Authorize as ${staffName}` }).click();
        await page.waitForURL(`${w.origin}/web/g/${w.g.guild}`);
        await page.getByRole("link", { name: "Statistics" }).click();
        await page.waitForURL(`${w.origin}${statsPath}`);
        await page.getByRole("heading", { name: "Statistics of the last 30 days" }).waitFor();
        for (
          const chart of [
            "Opened and closed per day",
            "Median first response and resolution per week, in hours",
            "Rating distribution",
            "Tickets handled per staff member",
          ]
        ) {
          await page.getByRole("img", { name: chart }).waitFor();
        }
        assert.equal(await page.locator("figure.chart svg rect").count() > 0, true, "bars drawn");
        assert.equal(await page.locator('[data-figure="opened"]').textContent(), "2");
        assert.equal(await page.locator('[data-figure="closed"]').textContent(), "1");
        assert.equal(await page.locator('[data-figure="open_now"]').textContent(), "1");
        const overflow = await page.evaluate(
          "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        ) as number;
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
        await Deno.mkdir(ARTIFACTS, { recursive: true });
        await page.screenshot({
          path: new URL(`web-stats-${width}.png`, ARTIFACTS).pathname,
          fullPage: true,
        });
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: "Download CSV" }).click(),
        ]);
        assert.match(download.suggestedFilename(), /^ticketeer-stats-\d+-30d\.csv$/);
        assert.deepEqual(strays, [], "no request to another host");
        await context.close();
      }

      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${w.origin}${statsPath}`);
      await page.getByRole("button", { name: `Authorize as ${memberName}` }).click();
      await page.waitForURL((url) => url.pathname === statsPath);
      const again = await page.goto(`${w.origin}${statsPath}`);
      assert.equal(again?.status(), 404);
      await context.close();
    } finally {
      await browser.close();
    }
  },
});
