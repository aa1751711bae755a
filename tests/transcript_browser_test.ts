/**
 * Opens rendered transcripts in a real headless Chromium: the page shows the
 * conversation, only the pinned local-time script runs (the hostile corpus runs
 * nothing), nothing loads from the network, the page fits a 390 px phone, and
 * screenshots (1200 and 390 px wide) are kept under `test-artifacts/`. Without Chromium
 * the tests are skipped, except on CI (`CI=true`), where that is a failure.
 */
import assert from "node:assert/strict";
import { parse } from "parse5";
import { type HtmlNode as Node, textOf, walk } from "./fixtures/html_tree.ts";
import { renderHtml } from "../src/core/transcript/render_html.ts";
import { LOCAL_TIME_SCRIPT } from "../src/core/transcript/local_time_script.ts";
import type { TranscriptMessage } from "../src/core/transcript/types.ts";
import { ticket40Messages, ticket40Options } from "./fixtures/ticket_40.ts";
import { HOSTILE_NAMES, hostileMessages, PWNED_TITLE } from "./fixtures/hostile_corpus.ts";
import { CHROMIUM, chromiumSkipNote, requireChromium } from "./fixtures/chromium.ts";

const ARTIFACTS = new URL("../test-artifacts/", import.meta.url);

const present = requireChromium("the browser tests");
const skipNote = chromiumSkipNote(present);

/** Runs headless Chromium on `file` with `args`; returns its standard output. */
async function chromium(file: string, profile: string, args: string[]): Promise<string> {
  // A time zone far from UTC, so local times differ visibly from the UTC text.
  const { code, stdout, stderr } = await new Deno.Command(CHROMIUM, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`,
      ...args,
      `file://${file}`,
    ],
    env: { TZ: "Asia/Tokyo", LANG: "en_US.UTF-8" },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(90_000),
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0, `chromium failed: ${new TextDecoder().decode(stderr).slice(-2000)}`);
  return out;
}

/** A temp dir with a Chromium profile, removed afterwards. */
async function withTempDir(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer-transcript-" });
  try {
    await work(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** A local server that counts every request the page might make. */
function requestCounter() {
  let requests = 0;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    () => {
      requests++;
      return new Response("x", { headers: { "content-type": "image/png" } });
    },
  );
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    get requests() {
      return requests;
    },
    close: () => server.shutdown(),
  };
}

function conversation(origin: string): TranscriptMessage[] {
  const alice = { id: "100000000000000100", username: "alice", global_name: "Alice Liddell" };
  const staff = { id: "100000000000000200", username: "sam", global_name: null, bot: false };
  const at = (s: number) => new Date(Date.UTC(2026, 0, 2, 9, 0, s)).toISOString();
  const normal = [
    { id: "1", author: alice, content: "Hello, my **order** never arrived", timestamp: at(0) },
    { id: "2", author: alice, content: "Order > 1234 — see `#A-77`", timestamp: at(5) },
    {
      id: "3",
      author: staff,
      content: "> Hello, my order\nSorry! Tracking: https://example.com/track/1234",
      timestamp: at(60),
      embeds: [{
        title: "Tracking",
        url: `${origin}/embed-link`,
        image: { url: `${origin}/embed-image.png` },
        thumbnail: { url: `${origin}/thumb.png` },
        description: `![img](${origin}/markdown-image.png)`,
      }],
      attachments: [{
        id: "77",
        filename: "label.png",
        size: 10,
        url: `${origin}/attachment.png`,
        content_type: "image/png",
      }],
    },
  ].map((raw) => ({ raw: { type: 0, ...raw }, deletedAt: null }));
  const hostile = hostileMessages().map((raw) => ({ raw, deletedAt: null }));
  const remote = {
    raw: {
      id: "4",
      type: 0,
      author: { ...alice, avatar: "abc" },
      timestamp: at(120),
      content: `<img src="${origin}/inline.png"> <link rel=stylesheet href="${origin}/x.css">` +
        ` <div style="background:url(${origin}/css.png)">`,
    },
    deletedAt: null,
  };
  return [...normal, remote, ...hostile];
}

Deno.test({
  name: "a transcript opens in Chromium showing the conversation, running only the pinned script" +
    skipNote,
  ignore: !present,
  sanitizeResources: true,
  fn: () =>
    withTempDir(async (dir) => {
      const counter = requestCounter();
      try {
        const html = renderHtml(conversation(counter.origin), {
          info: { title: "Ticket #12 · Support", details: [["Opener", "Alice Liddell"]] },
          names: HOSTILE_NAMES,
        });
        const file = `${dir}/transcript.html`;
        await Deno.writeTextFile(file, html);

        const dom = parse(
          await chromium(file, `${dir}/profile`, ["--dump-dom"]),
        ) as unknown as Node;
        const title = [...walk(dom)].find((n) => n.tagName === "title");
        assert.equal(title && textOf(title), "Ticket #12 · Support", "no script changed the title");
        const visible = textOf(dom);
        assert.ok(!/PWNED/.test(title ? textOf(title) : ""));
        for (
          const text of [
            "Alice Liddell",
            "Hello, my order never arrived",
            "Order > 1234 — see #A-77",
            "Tracking: https://example.com/track/1234",
            "label.png",
            "<script>alert(1)</script>",
            PWNED_TITLE,
          ]
        ) {
          assert.ok(visible.includes(text), `the page shows ${JSON.stringify(text)}`);
        }
        const scripts = [...walk(dom)].filter((n) => n.tagName === "script");
        assert.deepEqual(scripts.map(textOf), [LOCAL_TIME_SCRIPT], "only the pinned script exists");
        // 09:00 UTC is 18:00 in Tokyo: the pinned script ran and wrote local times.
        assert.ok(/6:00\s?PM|18:00/.test(visible), "local times appear");

        await Deno.mkdir(ARTIFACTS, { recursive: true });
        const shot = new URL("transcript.png", ARTIFACTS).pathname;
        await Deno.remove(shot).catch(() => {});
        await chromium(file, `${dir}/profile`, [
          `--screenshot=${shot}`,
          "--window-size=1200,2400",
          "--hide-scrollbars",
        ]);
        const png = await Deno.readFile(shot);
        assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG screenshot");
        assert.ok(png.byteLength > 10_000, "the screenshot shows a rendered page");

        assert.equal(counter.requests, 0, "the page made no network requests");
      } finally {
        await counter.close();
      }
    }),
});

Deno.test({
  name: "the realistic ticket fits a 390 px phone and runs no script but the pinned one" + skipNote,
  ignore: !present,
  fn: () =>
    withTempDir(async (dir) => {
      const html = renderHtml(ticket40Messages(), ticket40Options());
      const file = `${dir}/ticket40.html`;
      await Deno.writeTextFile(file, html);
      const dom = parse(
        await chromium(file, `${dir}/profile`, ["--dump-dom", "--window-size=390,800"]),
      ) as unknown as Node;
      const title = [...walk(dom)].find((n) => n.tagName === "title");
      assert.equal(
        title && textOf(title),
        "Ticket #42 · Billing",
        "the hostile content ran nothing",
      );
      assert.ok(!/UTC/.test(textOf([...walk(dom)].find((n) => n.tagName === "main")!)));

      // Headless windows are never narrower than ~500 px: a 390 px frame stands in for the phone.
      const probe = `${dir}/probe.html`;
      await Deno.writeTextFile(
        probe,
        `<!DOCTYPE html><html><head><title>probe</title></head><body style="margin:0">` +
          `<iframe id="f" src="ticket40.html" style="width:390px;height:800px;border:0"></iframe>` +
          `<script>f.onload=()=>{document.title='w='+` +
          `f.contentDocument.documentElement.scrollWidth}</script></body></html>`,
      );
      const measured = parse(
        await chromium(probe, `${dir}/profile`, ["--dump-dom", "--allow-file-access-from-files"]),
      ) as unknown as Node;
      const width = Number(
        textOf([...walk(measured)].find((n) => n.tagName === "title")!).slice(2),
      );
      assert.ok(width > 0 && width <= 390, `the page is ${width} px wide in a 390 px viewport`);

      // The pinned CSP refuses any other script, even one that got into the page.
      const injected = `${dir}/injected.html`;
      await Deno.writeTextFile(
        injected,
        html.replace("</body>", `<script>document.title='${PWNED_TITLE}'</script></body>`),
      );
      const blocked = parse(
        await chromium(injected, `${dir}/profile`, ["--dump-dom"]),
      ) as unknown as Node;
      const blockedTitle = [...walk(blocked)].find((n) => n.tagName === "title");
      assert.equal(blockedTitle && textOf(blockedTitle), "Ticket #42 · Billing");

      await Deno.mkdir(ARTIFACTS, { recursive: true });
      const shot = new URL("transcript-390.png", ARTIFACTS).pathname;
      await Deno.remove(shot).catch(() => {});
      await chromium(file, `${dir}/profile`, [
        `--screenshot=${shot}`,
        "--window-size=390,2400",
        "--hide-scrollbars",
      ]);
      const png = await Deno.readFile(shot);
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG screenshot");
    }),
});

Deno.test({
  name: "the browser check notices a script that runs (control page)" + skipNote,
  ignore: !present,
  fn: () =>
    withTempDir(async (dir) => {
      // The same attack left unescaped: proves the title check above can fail.
      const file = `${dir}/control.html`;
      await Deno.writeTextFile(
        file,
        `<!DOCTYPE html><html><head><title>Safe</title></head><body>` +
          `<img src=x onerror="document.title='${PWNED_TITLE}'"></body></html>`,
      );
      const dom = parse(await chromium(file, `${dir}/profile`, ["--dump-dom"])) as unknown as Node;
      const title = [...walk(dom)].find((n) => n.tagName === "title");
      assert.equal(title && textOf(title), PWNED_TITLE);
    }),
});
