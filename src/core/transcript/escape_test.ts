import assert from "node:assert/strict";
import { escapeHtml, isSafeImageDataUri, safeHttpUrl } from "./escape.ts";

Deno.test("escapeHtml() escapes markup characters and replaces control characters", () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>\u0000\u001b`),
    "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\ufffd\ufffd",
  );
  assert.equal(escapeHtml("line\nbreak\ttab"), "line\nbreak\ttab");
});

Deno.test("safeHttpUrl() accepts only http and https URLs with a host", () => {
  assert.equal(safeHttpUrl("https://example.com/<x>"), "https://example.com/%3Cx%3E");
  assert.equal(safeHttpUrl("HTTP://Example.com"), "http://example.com/");
  for (
    const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>",
      "vbscript:msgbox",
      "ftp://example.com/",
      "file:///etc/passwd",
      "//example.com/x",
      "/relative",
      "https://",
      "http://exa mple.com",
      "https://example.com/a b",
    ]
  ) {
    assert.equal(safeHttpUrl(bad), null, bad);
  }
});

Deno.test("isSafeImageDataUri() accepts raster base64 images only", () => {
  assert.ok(isSafeImageDataUri("data:image/png;base64,iVBORw0KGgo="));
  assert.ok(!isSafeImageDataUri("data:image/svg+xml;base64,PHN2Zz4="));
  assert.ok(!isSafeImageDataUri('data:image/png;base64,AA" onerror="x'));
  assert.ok(!isSafeImageDataUri("https://example.com/a.png"));
});
