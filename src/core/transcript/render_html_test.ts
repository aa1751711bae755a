import assert from "node:assert/strict";
import { parse } from "parse5";
import { attr, type HtmlNode as Node, textOf, walk } from "../../../tests/fixtures/html_tree.ts";
import { LOCAL_TIME_SCRIPT } from "./local_time_script.ts";
import { createHtmlRenderer, renderHtml } from "./render_html.ts";
import type { TranscriptMessage, TranscriptOptions } from "./types.ts";
import {
  HOSTILE_NAMES,
  hostileMessages,
  PWNED_TITLE,
  RTL_OVERRIDE,
  VISIBLE_TEXT,
} from "../../../tests/fixtures/hostile_corpus.ts";

const INFO: TranscriptOptions["info"] = {
  title: "Ticket #7",
  details: [["Opener", "<script>alert('opener')</script>"], ["Reason", RTL_OVERRIDE + "evil"]],
};

const ALLOWED_TAGS = new Set([
  "html",
  "head",
  "body",
  "meta",
  "title",
  "style",
  "header",
  "h1",
  "h2",
  "h3",
  "dl",
  "dt",
  "dd",
  "main",
  "footer",
  "div",
  "span",
  "bdi",
  "time",
  "img",
  "a",
  "strong",
  "em",
  "u",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "small",
  "br",
  "nav",
  "script",
]);

const STYLE_ATTR =
  /^(?:color:#[0-9a-f]{6}|border-left-color:#[0-9a-f]{6}|background:hsl\([0-9]{1,3},45%,42%\))$/;
/** Links inside the transcript: to a message (replies) or a day (jump links). */
const IN_PAGE = /^#(?:message-[0-9]{1,20}|day-[0-9]{4}-[0-9]{2}-[0-9]{2})$/;
/** The only other `<style>` content allowed: images written once, as `data:` backgrounds. */
const IMAGE_RULES =
  /^(?:\.img-[0-9]+\{background-image:url\("data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}"\)\})+$/;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/;

function hostileTranscript(options: Partial<TranscriptOptions> = {}): string {
  const messages: TranscriptMessage[] = hostileMessages().map((raw, i) => ({
    raw,
    deletedAt: i % 5 === 0 ? new Date(Date.UTC(2026, 0, 3)) : null,
  }));
  return renderHtml(messages, { info: INFO, names: HOSTILE_NAMES, ...options });
}

Deno.test("renderHtml() renders the hostile corpus inert", () => {
  const html = hostileTranscript({
    // A stored image for the hostile attachment, and a hostile "data URI" that must be refused.
    images: new Map([
      ["600000000000000001", "data:image/png;base64,iVBORw0KGgo="],
      ["600000000000000002", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"],
    ]),
    avatars: new Map([["400000000000000001", "data:text/html,<script>alert(1)</script>"]]),
  });
  const ours = (renderHtml([], { info: INFO }).match(/<style>([\s\S]*?)<\/style>/) ?? [])[1];
  const document = parse(html) as unknown as Node;
  let styles = 0;
  let scripts = 0;
  let links = 0;
  let images = 0;
  for (const node of walk(document)) {
    if (node.nodeName === "#text" || node.nodeName === "#comment") {
      assert.notEqual(node.nodeName, "#comment", "user content must not produce comments");
      continue;
    }
    if (!node.tagName) continue;
    assert.ok(ALLOWED_TAGS.has(node.tagName), `unexpected <${node.tagName}> element`);
    if (node.tagName === "script") {
      scripts++;
      assert.equal(textOf(node), LOCAL_TIME_SCRIPT, "the only script is the pinned one");
      assert.deepEqual(node.attrs, [], "the pinned script has no attributes (no src)");
    }
    if (node.tagName === "style") {
      if (textOf(node) === ours) styles++;
      else assert.match(textOf(node), IMAGE_RULES, "other styles only show stored images");
    }
    for (const { name, value } of node.attrs ?? []) {
      assert.ok(!name.startsWith("on"), `event handler attribute ${name}="${value}"`);
      // Browsers ignore whitespace and control characters inside a URL scheme.
      // deno-lint-ignore no-control-regex
      const squashed = value.toLowerCase().replace(/[\s\u0000-\u001f]/g, "");
      assert.ok(!squashed.includes("javascript:"), `javascript: URL in ${name}="${value}"`);
      assert.ok(!squashed.includes("vbscript:"), `vbscript: URL in ${name}="${value}"`);
      if (name === "href") {
        links++;
        if (!IN_PAGE.test(value)) {
          assert.match(value, /^https?:\/\//, `href must be http(s): ${value}`);
        }
      }
      if (name === "src") {
        images++;
        assert.match(value, DATA_IMAGE, `src must be a raster data: image: ${value}`);
      }
      if (name === "style") assert.match(value, STYLE_ATTR, `style attribute: ${value}`);
      assert.ok(
        [
          "class",
          "id",
          "href",
          "rel",
          "src",
          "alt",
          "style",
          "title",
          "tabindex",
          "lang",
          "charset",
          "http-equiv",
          "content",
          "name",
          "start",
          "datetime",
          "data-style",
        ]
          .includes(name),
        `unexpected attribute ${name}`,
      );
    }
  }
  assert.equal(styles, 1);
  assert.equal(scripts, 1);
  assert.equal(images, 1, "only the stored PNG is embedded; the SVG and the avatar are refused");
  assert.ok(links > 0, "the corpus's legitimate https links stay links");
  const visible = textOf(document);
  for (const text of VISIBLE_TEXT) assert.ok(visible.includes(text), `shows ${text} as text`);
  const title = [...walk(document)].filter((node) => node.tagName === "title");
  assert.deepEqual(title.map(textOf), ["Ticket #7"]);
  assert.ok(visible.includes(PWNED_TITLE), "the hostile display name is shown as text");
});

Deno.test("renderHtml() keeps right-to-left overrides inside isolated elements", () => {
  const document = parse(hostileTranscript()) as unknown as Node;
  let seen = 0;
  const isolating = (node: Node): boolean => {
    const classes = (attr(node, "class") ?? "").split(" ");
    return node.tagName === "bdi" || node.tagName === "dd" || classes.includes("content") ||
      node.tagName === "title";
  };
  const visit = (node: Node, isolated: boolean) => {
    if (node.nodeName === "#text" && (node.value ?? "").includes(RTL_OVERRIDE)) {
      seen++;
      assert.ok(isolated, "an RTL override outside an isolating element");
    }
    for (const child of node.childNodes ?? []) visit(child, isolated || isolating(node));
  };
  visit(document, false);
  assert.ok(seen >= 2, "the overrides are kept visible, not silently dropped");
});

Deno.test("renderHtml() links only http and https URLs from the corpus", () => {
  const document = parse(hostileTranscript()) as unknown as Node;
  const hrefs = [...walk(document)].flatMap((node) => attr(node, "href") ?? []);
  assert.ok(hrefs.length >= 2);
  for (const href of hrefs.filter((href) => !IN_PAGE.test(href))) {
    assert.doesNotThrow(() => new URL(href));
  }
  assert.ok(!hrefs.some((href) => href.includes('"') || href.includes("<")));
});

Deno.test("renderHtml() survives 4,000-character lines and deep nesting quickly", () => {
  const started = performance.now();
  const html = hostileTranscript();
  assert.ok(performance.now() - started < 2000, "renders the corpus in under two seconds");
  assert.ok(html.includes("A".repeat(4000)));
});

const user = { id: "100", username: "alice", global_name: "Alice", avatar: null };
const bob = { id: "200", username: "bob", global_name: null, avatar: null, bot: true };

function message(id: number, author: typeof user | typeof bob, content: string, extra = {}) {
  return {
    raw: {
      id: String(id),
      type: 0,
      author,
      content,
      timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, id)).toISOString(),
      edited_timestamp: null,
      attachments: [],
      embeds: [],
      ...extra,
    },
    deletedAt: null,
  };
}

Deno.test("renderHtml() groups consecutive messages of one author under one header", () => {
  const html = renderHtml([
    message(1, user, "first"),
    message(2, user, "second"),
    message(3, bob, "reply from the bot"),
    message(4, user, "third"),
  ], { info: { title: "Ticket #1", details: [] } });
  const document = parse(html) as unknown as Node;
  const groups = [...walk(document)].filter((n) => attr(n, "class") === "group");
  assert.equal(groups.length, 3);
  assert.deepEqual(
    groups.map((g) => [...walk(g)].filter((n) => attr(n, "class")?.startsWith("msg")).length),
    [2, 1, 1],
  );
  assert.match(textOf(groups[1]!), /^Bbob\s*BOT/);
  assert.match(textOf(groups[0]!), /^AAlice(Jan 1, 2026, 12:00 PM UTC)/);
});

Deno.test("renderHtml() shows edited and deleted markers, replies, embeds and attachments", () => {
  const html = renderHtml([
    message(1, user, "original"),
    {
      ...message(2, user, "changed", {
        edited_timestamp: "2026-01-01T12:05:00.000Z",
        type: 19,
        message_reference: { message_id: "1" },
        referenced_message: message(1, user, "original").raw,
        attachments: [
          { id: "9", filename: "photo.png", size: 2048, url: "https://cdn.example/photo.png" },
          { id: "10", filename: "notes.txt", size: 10, url: "https://cdn.example/notes.txt" },
        ],
        embeds: [{ title: "Docs", url: "https://docs.example/", description: "**read** me" }],
        reactions: [{ emoji: { name: "👍", id: null }, count: 2 }],
        sticker_items: [{ id: "3", name: "wave" }],
      }),
      deletedAt: new Date(Date.UTC(2026, 0, 1, 13)),
    },
  ], {
    info: { title: "Ticket #1", details: [] },
    images: new Map([["9", "data:image/png;base64,iVBORw0KGgo="]]),
    storedAttachments: new Set(["9", "10"]),
  });
  const document = parse(html) as unknown as Node;
  const text = textOf(document);
  assert.match(text, /\(edited\)/);
  assert.match(text, /Deleted Jan 1, 2026, 1:00 PM UTC/);
  assert.match(text, /↪ Alice original/);
  assert.match(text, /notes\.txt \(10 bytes\) \(copy stored\)/);
  assert.match(text, /👍 2/);
  assert.match(text, /Sticker: wave/);
  assert.match(html, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="photo.png">/);
  assert.match(html, /<a href="https:\/\/docs.example\/"[^>]*>Docs<\/a>/);
  assert.match(html, /<strong>read<\/strong> me/);
  assert.match(html, /class="msg deleted"/);
});

Deno.test("createHtmlRenderer() continues a group across pages and counts messages", () => {
  const renderer = createHtmlRenderer({ info: { title: "t", details: [] } });
  const html = renderer.begin() + renderer.render([message(1, user, "a")]) +
    renderer.render([message(2, user, "b")]) + renderer.end();
  assert.equal(renderer.count, 2);
  const document = parse(html) as unknown as Node;
  assert.equal([...walk(document)].filter((n) => attr(n, "class") === "group").length, 1);
  assert.match(textOf(document), /2 messages/);
  // The page parses to the same tree it was written as: every group is closed.
  assert.equal(html.match(/<div/g)?.length, html.match(/<\/div>/g)?.length);
});

Deno.test("renderHtml() resolves mentions through the names it is given and learns authors", () => {
  const html = renderHtml([
    message(1, bob, "hi"),
    message(2, user, "<@200> see <#300>, ping <@&400> and <@999>"),
  ], {
    info: { title: "t", details: [] },
    names: {
      channels: new Map([["300", "rules"]]),
      roles: new Map([["400", { name: "Staff", color: 0x3498db }]]),
    },
  });
  const text = textOf(parse(html) as unknown as Node);
  assert.match(text, /@bob see #rules, ping @Staff and @999/);
  assert.match(html, /style="color:#3498db">@Staff/);
});
