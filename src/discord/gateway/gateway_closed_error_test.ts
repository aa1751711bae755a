import assert from "node:assert/strict";
import { FATAL_CLOSE_CODES, GatewayClosedError } from "./gateway_closed_error.ts";

Deno.test("GatewayClosedError for 4014 names the Message Content toggle in one line", () => {
  const error = new GatewayClosedError(4014, "Disallowed intent(s).");
  assert.equal(error.code, 4014);
  assert.match(error.message, /Bot → Privileged Gateway Intents → Message Content Intent/);
  assert.ok(!error.message.includes("\n"));
  assert.ok(FATAL_CLOSE_CODES.has(4014));
  assert.ok(!FATAL_CLOSE_CODES.has(4000), "an unknown error is resumable");
});

Deno.test("a 4014 with the Server Members intent asked for names both toggles and the way back", () => {
  const error = new GatewayClosedError(4014, "Disallowed intent(s).", { serverMembers: true });
  assert.match(error.message, /Message Content Intent and .*Server Members Intent/);
  assert.match(error.message, /SERVER_MEMBERS_INTENT=off/);
});
