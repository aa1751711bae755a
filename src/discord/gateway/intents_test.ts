import assert from "node:assert/strict";
import { INTENTS, intentsFor } from "./intents.ts";

Deno.test("intentsFor() adds the Server Members intent only when configured", () => {
  const GUILD_MEMBERS = 1 << 1;
  assert.equal(intentsFor({}), INTENTS);
  assert.equal(intentsFor({ serverMembersIntent: false }), INTENTS);
  assert.equal(intentsFor({ serverMembersIntent: true }), INTENTS | GUILD_MEMBERS);
  assert.equal(INTENTS & GUILD_MEMBERS, 0, "never asked for by default");
});
