import assert from "node:assert/strict";
import { DEFAULT_HANDOFF_PHRASES } from "./assistant_config.ts";
import { handoffMatcher } from "./handoff.ts";

Deno.test("handoffMatcher() hears the default phrases in any case, as whole words", () => {
  const asks = handoffMatcher(DEFAULT_HANDOFF_PHRASES);
  for (
    const text of [
      "Can I talk to a HUMAN please?",
      "I want a real   person",
      "let me talk to staff",
      "Agent!",
    ]
  ) {
    assert.equal(asks(text), true, text);
  }
  for (const text of ["How do I reset my password?", "humane treatment", "my agents.txt file"]) {
    assert.equal(asks(text), false, text);
  }
});

Deno.test("handoffMatcher() takes configured phrases with special characters literally", () => {
  const asks = handoffMatcher(["support (live)", "mensch"]);
  assert.equal(asks("I need support (live) now"), true);
  assert.equal(asks("support live"), false);
  assert.equal(asks("Ein Mensch bitte"), true);
  assert.equal(handoffMatcher([])("human"), false);
});
