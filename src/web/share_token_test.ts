import assert from "node:assert/strict";
import { readShareToken, shareToken } from "./share_token.ts";
import { createSigner } from "./signer.ts";

const SECRET = "0123456789abcdef0123456789abcdef";

Deno.test("readShareToken() accepts its own token until it expires", async () => {
  const signer = await createSigner(SECRET, "share");
  const token = await shareToken(signer, { id: "abc", expiresAt: new Date(2_000) });
  assert.equal(await readShareToken(signer, token, new Date(1_999)), "abc");
  assert.equal(await readShareToken(signer, token, new Date(2_000)), null);
});

Deno.test("readShareToken() refuses a changed expiry and another key's token", async () => {
  const signer = await createSigner(SECRET, "share");
  const token = await shareToken(signer, { id: "abc", expiresAt: new Date(2_000) });
  const [id, , mac] = token.split(".");
  assert.equal(await readShareToken(signer, `${id}.9999999.${mac}`, new Date(0)), null);
  const other = await createSigner(SECRET, "session");
  assert.equal(await readShareToken(other, token, new Date(0)), null);
});

Deno.test("readShareToken() refuses a signature spelled another way", async () => {
  const signer = await createSigner(SECRET, "share");
  const token = await shareToken(signer, { id: "abc", expiresAt: new Date(2_000) });
  // The last of 43 base64url characters carries 2 unused bits: changing them keeps the bytes.
  const last = token.at(-1)!;
  const twin = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    .indexOf(last) ^ 1;
  const respelled = token.slice(0, -1) +
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[twin];
  assert.equal(await readShareToken(signer, respelled, new Date(0)), null);
});
