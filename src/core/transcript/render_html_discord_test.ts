import assert from "node:assert/strict";
import { parse } from "parse5";
import { attr, type HtmlNode as Node, textOf, walk } from "../../../tests/fixtures/html_tree.ts";
import { renderHtml } from "./render_html.ts";
import { renderText } from "./render_text.ts";
import type { TranscriptMessage, TranscriptOptions } from "./types.ts";
import { ticket40Messages, ticket40Options } from "../../../tests/fixtures/ticket_40.ts";

function byClass(root: Node, cls: string): Node[] {
  return [...walk(root)].filter((n) => (attr(n, "class") ?? "").split(" ").includes(cls));
}

const fixtureHtml = () => renderHtml(ticket40Messages(), ticket40Options());

Deno.test("renderHtml() shows a reply preview above the header, stripped and linked", () => {
  const document = parse(fixtureHtml()) as unknown as Node;
  const group = byClass(document, "group").find((g) =>
    [...walk(g)].some((n) => attr(n, "id") === "message-1251160967086080009")
  )!;
  const first = group.childNodes?.[0]!;
  assert.equal(attr(first, "class"), "reply", "the preview comes before avatar and header");
  const text = textOf(first);
  assert.match(text, /Morgan \| Support Could you confirm the last four digits/);
  assert.ok(!text.includes("||") && !text.includes("like this"), "the spoiler stays hidden");
  const link = [...walk(first)].find((n) => n.tagName === "a");
  assert.equal(attr(link!, "href"), "#message-1251160790925312008");
  assert.ok([...walk(document)].some((n) => attr(n, "id") === "message-1251160790925312008"));
});

Deno.test("renderHtml() colours names with the author's highest coloured role", () => {
  const html = fixtureHtml();
  // Morgan has Support (#3498db); Sam has Admin (#e91e63); Alex has none.
  assert.match(html, /<bdi class="name" style="color:#3498db">Morgan \| Support<\/bdi>/);
  assert.match(html, /<bdi class="name" style="color:#e91e63">Sam Rivera<\/bdi>/);
  assert.match(html, /<bdi class="name">Alex Kim<\/bdi>/);
  const colored = renderHtml(ticket40Messages().slice(1, 2), {
    ...ticket40Options(),
    authorColors: new Map([["180000000000000001", 0x00ff00]]),
  });
  assert.match(colored, /style="color:#00ff00">Alex Kim/, "a colour from the options wins");
});

Deno.test("renderHtml() writes each avatar and custom emoji once", () => {
  const html = fixtureHtml();
  const avatar = ticket40Options().avatars!.get("180000000000000001")!;
  // The fixture's four authors and its emoji share one tiny PNG: five rules, one each.
  assert.equal(html.split(avatar).length - 1, 5, "one rule per author and one for the emoji");
  const document = parse(html) as unknown as Node;
  const avatars = byClass(document, "avatar");
  assert.ok(avatars.length > 10);
  const classes = new Set(avatars.map((a) => attr(a, "class")));
  assert.equal(classes.size, 4, "one class per author");
  const emoji = byClass(document, "emoji").filter((n) => attr(n, "title") === ":acme_heart:");
  assert.equal(emoji.length, 1);
});

Deno.test("renderHtml() lays out embed fields in rows and shows embed times", () => {
  const document = parse(fixtureHtml()) as unknown as Node;
  const fields = byClass(document, "e-field");
  assert.deepEqual(
    fields.slice(0, 3).map((f) => attr(f, "class")),
    ["e-field w6", "e-field w6", "e-field"],
  );
  const footer = byClass(document, "e-footer")[0]!;
  assert.match(textOf(footer), /Ticketeer · Acme Cloud•June 14, 2024 at 1:02 PM UTC/);
});

Deno.test("renderHtml() gives every time a datetime and honours <t:…> styles", () => {
  const document = parse(fixtureHtml()) as unknown as Node;
  const times = [...walk(document)].filter((n) => n.tagName === "time");
  assert.ok(times.length > 20);
  for (const time of times) assert.match(attr(time, "datetime") ?? "", /^\d{4}-\d\d-\d\dT/);
  const styles = times.map((t) => attr(t, "data-style"));
  assert.ok(styles.includes("F") && styles.includes("R"));
  assert.match(textOf(document), /Friday, June 14, 2024 at 1:28 PM UTC/);
});

Deno.test("renderHtml() names users in the header with their id in a title", () => {
  const document = parse(fixtureHtml()) as unknown as Node;
  const dd = [...walk(document)].filter((n) => n.tagName === "dd")[0]!;
  assert.equal(textOf(dd), "Alex Kim");
  assert.ok([...walk(dd)].some((n) => attr(n, "title") === "180000000000000001"));
});

Deno.test("renderHtml() marks code fences with their language and shows the command used", () => {
  const html = fixtureHtml();
  assert.match(html, /<code class="language-js">const charge/);
  const text = textOf(parse(html) as unknown as Node);
  assert.match(text, /↪ Morgan \| Support used \/close/);
});

const author = { id: "100", username: "alice", global_name: "Alice" };

function at(day: number, index: number): TranscriptMessage {
  const timestamp = new Date(Date.UTC(2026, 0, day, 12, 0, index)).toISOString();
  return {
    raw: { id: String(day * 1000 + index), type: 0, author, content: `m${index}`, timestamp },
    deletedAt: null,
  };
}

Deno.test("renderHtml() divides days and links to each day in long tickets", () => {
  const short = parse(renderHtml([at(1, 0), at(2, 0)], { info: { title: "t", details: [] } }));
  const dividers = byClass(short as unknown as Node, "day");
  assert.deepEqual(dividers.map((d) => attr(d, "id")), ["day-2026-01-01", "day-2026-01-02"]);
  assert.equal([...walk(short as unknown as Node)].filter((n) => n.tagName === "nav").length, 0);

  const messages = [...Array(60)].flatMap((_, i) => [at(1, i)]).concat(
    [...Array(60)].map((_, i) => at(2, i)),
  );
  const long = parse(
    renderHtml(messages, { info: { title: "t", details: [] } }),
  ) as unknown as Node;
  const nav = [...walk(long)].find((n) => n.tagName === "nav")!;
  assert.deepEqual(
    [...walk(nav)].filter((n) => n.tagName === "a").map((a) => attr(a, "href")),
    ["#day-2026-01-01", "#day-2026-01-02"],
  );
});

const v2 = {
  id: "5",
  type: 0,
  author,
  content: "",
  flags: 1 << 15,
  timestamp: "2026-01-01T12:00:00.000Z",
  components: [{
    type: 17,
    components: [
      { type: 10, content: "**Status:** open" },
      { type: 9, components: [{ type: 10, content: "Queue: <#300>" }], accessory: { type: 11 } },
    ],
  }],
};
const forward = {
  id: "6",
  type: 0,
  author,
  content: "",
  timestamp: "2026-01-01T12:01:00.000Z",
  message_reference: { type: 1, message_id: "1" },
  message_snapshots: [{
    message: {
      content: "the **original** text",
      timestamp: "2025-12-31T09:00:00.000Z",
      attachments: [{ id: "9", filename: "log.txt", size: 10, url: "https://cdn.example/log.txt" }],
      embeds: [{ title: "Forwarded embed" }],
    },
  }],
};
const OPTIONS: TranscriptOptions = {
  info: { title: "t", details: [] },
  names: { channels: new Map([["300", "queue"]]) },
};

Deno.test("renderHtml() renders Components V2 text and forwarded messages", () => {
  const html = renderHtml(
    [{ raw: v2, deletedAt: null }, { raw: forward, deletedAt: null }],
    OPTIONS,
  );
  assert.match(html, /<strong>Status:<\/strong> open/);
  const text = textOf(parse(html) as unknown as Node);
  assert.match(text, /Queue: #queue/);
  assert.match(text, /↱ Forwarded\s*the original text/);
  assert.match(text, /log\.txt/);
  assert.match(text, /Forwarded embed/);
});

Deno.test("renderText() shows Components V2 text, forwards and commands used", () => {
  const text = renderText([
    { raw: v2, deletedAt: null },
    { raw: forward, deletedAt: null },
    ...ticket40Messages().slice(-4, -3),
  ], {
    ...OPTIONS,
    names: { ...OPTIONS.names, users: new Map([["180000000000000002", "Morgan"]]) },
  });
  assert.match(text, /\*\*Status:\*\* open/);
  assert.match(text, /Queue: #queue/);
  assert.match(text, /\[forwarded\] the \*\*original\*\* text/);
  assert.match(text, /\[forwarded attachment\] log\.txt/);
  assert.match(text, /\[forwarded embed\] Forwarded embed/);
  assert.match(text, /↪ Morgan used \/close/);
});

Deno.test("renderHtml() keeps a 5,000-message ticket with five avatars under 3 MB", () => {
  const avatar = (seed: number) =>
    "data:image/png;base64,iVBORw0KGgo" + btoa(String.fromCharCode(seed)).replace(/=/g, "") +
    "A".repeat(20_000);
  const authors = [...Array(5)].map((_, i) => ({
    id: String(1000 + i),
    username: `user${i}`,
    global_name: `User ${i}`,
  }));
  const images = new Map<string, string>();
  const messages: TranscriptMessage[] = [];
  for (let i = 0; i < 5000; i++) {
    const raw: Record<string, unknown> = {
      id: String(10_000 + i),
      type: 0,
      author: authors[Math.floor(i / 3) % 5],
      content: `Message ${i}: a **realistic** line of support chat with <@1000> and a link ` +
        `https://example.com/orders/${i}`,
      timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
    if (i % 50 === 0) raw.embeds = [{ title: "Order", description: "Shipped", color: 0x3498db }];
    if (i % 500 === 0) {
      raw.attachments = [{ id: `a${i}`, filename: "photo.png", size: 30_000, url: "https://x/p" }];
      images.set(`a${i}`, "data:image/png;base64," + "B".repeat(40_000));
    }
    messages.push({ raw, deletedAt: null });
  }
  const html = renderHtml(messages, {
    info: { title: "t", details: [] },
    avatars: new Map(authors.map((a, i) => [a.id, avatar(i)])),
    images,
  });
  const bytes = new TextEncoder().encode(html).byteLength;
  assert.ok(bytes <= 3_000_000, `${bytes} bytes`);
  assert.equal(html.split(avatar(0)).length - 1, 1, "each avatar is written once");
});
