import assert from "node:assert/strict";
import { parseRelayBody } from "./relay_body.ts";

const VALID = {
  guild_id: "1100000000000000001",
  channel_id: "1100000000000000002",
  user_id: "1100000000000000003",
  content: "How do I reset my password?",
  message_id: "1100000000000000004",
  ticket_id: "17",
  ticket_number: "42",
};

Deno.test("parseRelayBody() takes the bot's body and ignores unknown fields", () => {
  const parsed = parseRelayBody(JSON.stringify({ ...VALID, locale: "en-US" }));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.body, VALID);
});

Deno.test("parseRelayBody() names every bad field", () => {
  const parsed = parseRelayBody(
    JSON.stringify({ ...VALID, guild_id: 1100000000000000001, ticket_number: "#42", content: "" }),
  );
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.fields.sort(), ["content", "guild_id", "ticket_number"]);
  assert.ok(parsed.problems.includes("guild_id must be a string"), parsed.problems.join("; "));
  assert.ok(parsed.problems.includes("ticket_number must be a string of digits"));
});

Deno.test("parseRelayBody() names missing fields as required", () => {
  const { user_id: _, ...rest } = VALID;
  const parsed = parseRelayBody(JSON.stringify(rest));
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.fields, ["user_id"]);
  assert.deepEqual(parsed.problems, ["user_id is required"]);
});

Deno.test("parseRelayBody() refuses text that is not a JSON object", () => {
  for (const text of ["not json", "[1,2]", "null", '"text"']) {
    const parsed = parseRelayBody(text);
    assert.ok(!parsed.ok, text);
    assert.equal(parsed.problems.length, 1, text);
  }
});
