import assert from "node:assert/strict";
import { envReader, httpUrl, wholeNumber } from "./env_values.ts";

Deno.test("envReader() trims values and treats blank ones as unset", () => {
  const read = envReader({ A: "  x ", B: "   ", C: undefined });
  assert.equal(read("A"), "x");
  assert.equal(read("B"), undefined);
  assert.equal(read("C"), undefined);
  assert.equal(read("D"), undefined);
});

Deno.test("wholeNumber() accepts digits in range and names the variable otherwise", () => {
  const problems: string[] = [];
  assert.equal(wholeNumber("42", "PORT", { min: 0, max: 65535, problems }), 42);
  assert.deepEqual(problems, []);
  for (const text of ["-1", "1.5", "70000", "abc", "1e3"]) {
    assert.equal(wholeNumber(text, "PORT", { min: 0, max: 65535, problems }), 0);
  }
  assert.equal(problems.length, 5);
  assert.equal(problems[2], 'PORT must be a whole number from 0 to 65535 (got "70000")');
});

Deno.test("httpUrl() accepts only http and https URLs", () => {
  const problems: string[] = [];
  assert.equal(httpUrl("https://a.test/x", "URL", { problems }), "https://a.test/x");
  assert.equal(httpUrl("ftp://a.test", "URL", { problems }), null);
  assert.equal(httpUrl("not a url", "URL", { problems }), null);
  assert.deepEqual(problems, [
    'URL must be an http:// or https:// URL (got "ftp://a.test")',
    'URL must be an http:// or https:// URL (got "not a url")',
  ]);
});
