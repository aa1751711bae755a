import assert from "node:assert/strict";
import { renderMarkdown } from "./markdown.ts";
import type { MentionNames } from "./types.ts";

const names: MentionNames = {
  users: new Map([["123", "Alice"]]),
  roles: new Map([["9", { name: "Staff", color: 0xff0000 }]]),
  channels: new Map([["7", "general"]]),
};

const md = (source: string) => renderMarkdown(source, names);

Deno.test("renderMarkdown() renders Discord's inline styles", () => {
  assert.equal(md("**bold**"), "<strong>bold</strong>");
  assert.equal(md("*it* and _it_"), "<em>it</em> and <em>it</em>");
  assert.equal(md("__under__"), "<u>under</u>");
  assert.equal(md("~~gone~~"), "<s>gone</s>");
  assert.equal(md("***both***"), "<strong><em>both</em></strong>");
  assert.equal(md("__*mixed*__"), "<u><em>mixed</em></u>");
  assert.equal(md("||secret||"), '<span class="spoiler" tabindex="0">secret</span>');
});

Deno.test("renderMarkdown() leaves snake_case, escaped and unclosed markers as text", () => {
  assert.equal(md("snake_case_name"), "snake_case_name");
  assert.equal(md("\\*not\\*"), "*not*");
  assert.equal(md("**open"), "**open");
  assert.equal(md("2 * 3 * 4"), "2 * 3 * 4");
});

Deno.test("renderMarkdown() escapes inline code and code blocks without parsing inside", () => {
  assert.equal(md("`<b>**x**</b>`"), "<code>&lt;b&gt;**x**&lt;/b&gt;</code>");
  assert.equal(md("``a ` b``"), "<code>a ` b</code>");
  assert.equal(
    md('before\n```js\nconst a = "<x>";\n**no**\n```\nafter'),
    'before<br><pre class="code"><code class="language-js">const a = &quot;&lt;x&gt;&quot;;\n**no**</code></pre>after',
  );
  assert.equal(md("```\nunclosed"), "```<br>unclosed");
});

Deno.test("renderMarkdown() renders block quotes without nesting them", () => {
  assert.equal(md("> one\n> two\nthree"), "<blockquote>one<br>two</blockquote>three");
  assert.equal(md(">>> all\nthe rest"), "<blockquote>all<br>the rest</blockquote>");
  assert.equal(md("> > inner"), "<blockquote>&gt; inner</blockquote>");
  assert.equal(md("not > a quote"), "not &gt; a quote");
});

Deno.test("renderMarkdown() renders headers, subtext and lists at line starts", () => {
  assert.equal(
    md("# Big\n## Mid\n### Small"),
    [
      '<h1 class="md">Big</h1>',
      '<h2 class="md">Mid</h2>',
      '<h3 class="md">Small</h3>',
    ].join(""),
  );
  assert.equal(md("#nospace"), "#nospace");
  assert.equal(md("-# quiet"), '<small class="subtext">quiet</small><br>');
  assert.equal(md("- a\n* **b**"), "<ul><li>a</li><li><strong>b</strong></li></ul>");
  assert.equal(md("3. x\n4. y\n- z"), '<ol start="3"><li>x</li><li>y</li></ol><ul><li>z</li></ul>');
});

Deno.test("renderMarkdown() links masked and bare URLs only when they are http or https", () => {
  const rel = 'rel="noopener noreferrer nofollow"';
  assert.equal(
    md("[**docs**](https://example.com/a?b=1&c=2)"),
    `<a href="https://example.com/a?b=1&amp;c=2" ${rel}><strong>docs</strong></a>`,
  );
  assert.equal(
    md("go to https://example.com/x."),
    `go to <a href="https://example.com/x" ${rel}>https://example.com/x</a>.`,
  );
  assert.equal(md("<https://e.com>"), `<a href="https://e.com/" ${rel}>https://e.com</a>`);
  assert.equal(md("[x](javascript:alert(1))"), "[x](javascript:alert(1))");
  assert.equal(md("[x](data:text/html,hi)"), "[x](data:text/html,hi)");
  assert.equal(
    md("[a [https://inner.example]](https://outer.example)"),
    "[a [" + `<a href="https://inner.example/" ${rel}>https://inner.example</a>]](` +
      `<a href="https://outer.example/" ${rel}>https://outer.example</a>)`,
  );
});

Deno.test("renderMarkdown() resolves mentions, emoji and timestamps", () => {
  assert.equal(
    md("<@123> <@!123>"),
    [
      '<span class="mention">@Alice</span>',
      '<span class="mention">@Alice</span>',
    ].join(" "),
  );
  assert.equal(md("<@5>"), '<span class="mention">@5</span>');
  assert.equal(md("<@&9>"), '<span class="mention role" style="color:#ff0000">@Staff</span>');
  assert.equal(md("<#7>"), '<span class="mention">#general</span>');
  assert.equal(md("@everyone"), '<span class="mention">@everyone</span>');
  assert.equal(md("<a:party:42>"), '<span class="emoji">:party:</span>');
  assert.equal(md("</ticket new:77>"), '<span class="mention">/ticket new</span>');
  assert.equal(
    md("<t:1700000000:R>"),
    '<time class="stamp" datetime="2023-11-14T22:13:20.000Z" data-style="R">' +
      "November 14, 2023 at 10:13 PM UTC</time>",
  );
});

Deno.test("renderMarkdown() honours every Discord timestamp style in UTC text, in English by default", () => {
  const shown = (style: string) => textOnly(md(`<t:1718371680:${style}>`));
  assert.equal(shown("t"), "1:28 PM UTC");
  assert.equal(shown("T"), "1:28:00 PM UTC");
  assert.equal(shown("d"), "6/14/24");
  assert.equal(shown("D"), "June 14, 2024");
  assert.equal(shown("f"), "June 14, 2024 at 1:28 PM UTC");
  assert.equal(shown("F"), "Friday, June 14, 2024 at 1:28 PM UTC");
  assert.equal(shown("R"), "June 14, 2024 at 1:28 PM UTC");
  assert.match(md("<t:1718371680>"), /datetime="2024-06-14T13:28:00.000Z" data-style="f"/);
});

Deno.test("renderMarkdown() shows a stored custom emoji through its class, else its name", () => {
  const emoji = (id: string) => id === "42" ? "img-0" : null;
  assert.equal(
    renderMarkdown("<:party:42> <:gone:43>", undefined, { emoji }),
    '<span class="emoji img img-0" title=":party:">:party:</span> <span class="emoji">:gone:</span>',
  );
});

Deno.test("renderMarkdown() marks a code block with the language of its fence", () => {
  assert.match(md("```ts\nlet a = 1;\n```"), /<code class="language-ts">let a = 1;<\/code>/);
  assert.match(md("```\nplain\n```"), /<pre class="code"><code>plain<\/code>/);
});

Deno.test("renderMarkdown() escapes names it resolves mentions to", () => {
  const hostile: MentionNames = {
    users: new Map([["1", "<script>x</script>"]]),
    roles: new Map(),
    channels: new Map(),
  };
  assert.equal(
    renderMarkdown("<@1>", hostile),
    '<span class="mention">@&lt;script&gt;x&lt;/script&gt;</span>',
  );
});

Deno.test("renderMarkdown() stops nesting at a fixed depth", () => {
  const deep = "**".repeat(100) + "x" + "**".repeat(100);
  const html = md(deep);
  let depth = 0;
  let deepest = 0;
  for (const tag of html.match(/<\/?strong>/g) ?? []) {
    depth += tag.startsWith("</") ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  assert.ok(deepest >= 2 && deepest <= 9, `nesting depth ${deepest}`);
  assert.equal(html.match(/<strong>/g)?.length, html.match(/<\/strong>/g)?.length);
});

Deno.test("renderMarkdown() inline mode ignores block syntax", () => {
  assert.equal(
    renderMarkdown("# title **b**", names, { inline: true }),
    "# title <strong>b</strong>",
  );
});

function textOnly(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}
