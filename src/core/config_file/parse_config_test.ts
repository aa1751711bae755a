import assert from "node:assert/strict";
import { parseConfig } from "./parse_config.ts";

const VALID = `
version: 1
guildId: "100000000000000001"
guild:
  logChannelId: null
  transcriptDm: false
  language: null
types:
  - name: Support
    default: true
  - name: Billing
    questions:
      - label: Plan
        style: choice
        required: true
        options: [Free, Pro]
panels: []
tags:
  refund: Refunds take 5 days.
`;

Deno.test("parseConfig() reads a short file: types take a new type's settings for keys left out", () => {
  const parsed = parseConfig(VALID);
  assert.ok("document" in parsed, JSON.stringify(parsed));
  assert.equal(parsed.document.types[1]!.name, "Billing");
  assert.equal(parsed.document.types[1]!.maxOpenPerMember, undefined);
  assert.deepEqual(parsed.document.tags, { refund: "Refunds take 5 days." });
});

Deno.test("parseConfig() reports every problem of a file, each with its path", () => {
  const options = Array.from({ length: 26 }, (_, i) => `Option ${i}`);
  const text = VALID
    .replace("options: [Free, Pro]", `options: [${options.join(", ")}]`)
    .replace("  - name: Billing\n", "  - name: Billing\n    maxOpenPerMember: 0\n")
    .replace(
      "panels: []",
      [
        "panels:",
        '  - messageId: "100000000000000009"',
        '    channelId: "100000000000000008"',
        "    title: Help",
        "    description: Ask us",
        "    buttonLabel: Open",
        "    style: buttons",
        "    types: [Support, Bugs]",
      ].join("\n"),
    );
  const parsed = parseConfig(text);
  assert.ok("problems" in parsed);
  assert.deepEqual(parsed.problems.sort(), [
    'panels[0].types[1]: no type "Bugs" in types',
    "types[1].maxOpenPerMember: at least 1",
    "types[1].questions[0].options: at most 25",
  ]);
});

Deno.test("parseConfig() refuses unknown keys, two defaults and a repeated type name", () => {
  const text = VALID
    .replace("  - name: Billing\n", "  - name: support\n    default: true\n    colour: red\n");
  const parsed = parseConfig(text);
  assert.ok("problems" in parsed);
  assert.deepEqual(
    parsed.problems.sort(),
    [
      'types[1].name: "support" is also types[0]',
      "types: only one type can be the default (types[0], types[1] are)",
      'types[1]: Unrecognized key: "colour"',
    ].sort(),
  );
});

Deno.test("parseConfig() refuses a type offered twice on a panel and tags named alike", () => {
  const text = VALID
    .replace(
      "panels: []",
      [
        "panels:",
        '  - messageId: "100000000000000009"',
        '    channelId: "100000000000000008"',
        "    title: Help",
        "    description: Ask us",
        "    buttonLabel: Open",
        "    style: select",
        "    types: [Billing, billing]",
      ].join("\n"),
    )
    .replace("  refund: Refunds take 5 days.", "  refund: Refunds take 5 days.\n  Refund: Again.");
  const parsed = parseConfig(text);
  assert.ok("problems" in parsed);
  assert.deepEqual(parsed.problems, [
    'panels[0].types[1]: "billing" is also types[0] of this panel',
    "tags.Refund: the same name as tags.refund",
  ]);
});

Deno.test("parseConfig() names the line and column of a YAML syntax error", () => {
  const parsed = parseConfig("version: 1\ntypes: [\n  - a: b\n");
  assert.ok("problems" in parsed);
  assert.equal(
    parsed.problems[0],
    "line 3, column 3: Block collections are not allowed within flow collections",
  );
});

Deno.test("parseConfig() asks for quotes around an id written as a number", () => {
  const parsed = parseConfig(
    VALID.replace('guildId: "100000000000000001"', "guildId: 100000000000000001"),
  );
  assert.ok("problems" in parsed);
  assert.deepEqual(parsed.problems, ["guildId: a Discord id, written in quotes"]);
});
