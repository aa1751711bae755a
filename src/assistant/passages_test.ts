import assert from "node:assert/strict";
import { splitPassages } from "./passages.ts";

Deno.test("splitPassages() gives one passage per heading, titled by the first # heading", () => {
  const markdown = [
    "# Account help",
    "Everything about your account.",
    "",
    "## Reset your password",
    "Open Settings, then Security.",
    "",
    "```sh",
    "# not a heading",
    "```",
    "### Still locked out?",
    "Write to us.",
    "## Empty",
    "",
  ].join("\n");
  assert.deepEqual(splitPassages("account.md", markdown), [
    {
      file: "account.md",
      title: "Account help",
      heading: "Account help",
      text: "Everything about your account.",
    },
    {
      file: "account.md",
      title: "Account help",
      heading: "Reset your password",
      text: "Open Settings, then Security.\n\n```sh\n# not a heading\n```",
    },
    {
      file: "account.md",
      title: "Account help",
      heading: "Still locked out?",
      text: "Write to us.",
    },
  ]);
});

Deno.test("splitPassages() titles a document without a # heading by its file name", () => {
  const [passage] = splitPassages("guides/return-policy.md", "Returns take 30 days.");
  assert.equal(passage?.title, "return policy");
  assert.equal(passage?.heading, "return policy");
});
