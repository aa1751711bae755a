import assert from "node:assert/strict";
import { signRelayBody, verifyRelaySignature } from "./sign.ts";

// Computed independently with:
//   printf '%s' '1700000000.{"content":"hello"}' | openssl dgst -sha256 -hmac 'relay-secret'
const SECRET = "relay-secret";
const TIMESTAMP = "1700000000";
const BODY = '{"content":"hello"}';
const EXPECTED = "692d2a88923dc81c7644babdcc9f880073fd9d9c9bc50535d30a26dce78203c6";

Deno.test("signRelayBody() matches a known HMAC-SHA256 vector", async () => {
  assert.equal(await signRelayBody(SECRET, TIMESTAMP, BODY), EXPECTED);
});

Deno.test("verifyRelaySignature() accepts the right signature in either hex case", async () => {
  assert.equal(await verifyRelaySignature(SECRET, TIMESTAMP, BODY, EXPECTED), true);
  assert.equal(
    await verifyRelaySignature(SECRET, TIMESTAMP, BODY, EXPECTED.toUpperCase()),
    true,
  );
});

Deno.test("verifyRelaySignature() rejects a changed body, timestamp or secret", async () => {
  assert.equal(
    await verifyRelaySignature(SECRET, TIMESTAMP, '{"content":"hellp"}', EXPECTED),
    false,
  );
  assert.equal(await verifyRelaySignature(SECRET, "1700000001", BODY, EXPECTED), false);
  assert.equal(await verifyRelaySignature("other-secret", TIMESTAMP, BODY, EXPECTED), false);
});

Deno.test("verifyRelaySignature() rejects signatures that are not hex", async () => {
  for (const bad of ["", "abc", "zz".repeat(32), EXPECTED.slice(0, -2), `${EXPECTED}00`]) {
    assert.equal(await verifyRelaySignature(SECRET, TIMESTAMP, BODY, bad), false, bad);
  }
});
