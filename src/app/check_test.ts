import assert from "node:assert/strict";
import {
  GATEWAY_GUILD_MEMBERS,
  GATEWAY_GUILD_MEMBERS_LIMITED,
  serverMembersLine,
} from "./check.ts";

Deno.test("serverMembersLine() reads either Server Members flag and names the toggle when neither is on", () => {
  assert.equal(serverMembersLine(GATEWAY_GUILD_MEMBERS).ok, true);
  assert.equal(serverMembersLine(GATEWAY_GUILD_MEMBERS_LIMITED).ok, true);
  const off = serverMembersLine(0);
  assert.equal(off.ok, false);
  assert.match(off.line, /Server Members Intent/);
  assert.match(off.line, /SERVER_MEMBERS_INTENT=off/);
});
