import assert from "node:assert/strict";
import { createInteractionVerifier } from "./verify.ts";

const NOW_MS = 1_800_000_000_000;
const NOW_S = String(NOW_MS / 1000);

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function keyPair(): Promise<{ publicKeyHex: string; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey("Ed25519", true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  return { publicKeyHex: hex(raw), privateKey: pair.privateKey };
}

async function sign(privateKey: CryptoKey, timestamp: string, body: string): Promise<string> {
  const message = new TextEncoder().encode(timestamp + body);
  return hex(await crypto.subtle.sign("Ed25519", privateKey, message));
}

const body = '{"type":1}';
const bytes = new TextEncoder().encode(body);

Deno.test("createInteractionVerifier() accepts a request signed with the key", async () => {
  const { publicKeyHex, privateKey } = await keyPair();
  const verify = createInteractionVerifier(publicKeyHex, { now: () => NOW_MS });
  const signatureHex = await sign(privateKey, NOW_S, body);
  assert.equal(await verify({ signatureHex, timestamp: NOW_S, rawBody: bytes }), true);
  // Upper-case hex is the same signature.
  assert.equal(
    await verify({ signatureHex: signatureHex.toUpperCase(), timestamp: NOW_S, rawBody: bytes }),
    true,
  );
});

Deno.test("createInteractionVerifier() rejects a tampered body or timestamp", async () => {
  const { publicKeyHex, privateKey } = await keyPair();
  const verify = createInteractionVerifier(publicKeyHex, { now: () => NOW_MS });
  const signatureHex = await sign(privateKey, NOW_S, body);
  const tampered = new TextEncoder().encode('{"type":2}');
  assert.equal(await verify({ signatureHex, timestamp: NOW_S, rawBody: tampered }), false);
  const otherStamp = String(NOW_MS / 1000 - 1);
  assert.equal(await verify({ signatureHex, timestamp: otherStamp, rawBody: bytes }), false);
});

Deno.test("createInteractionVerifier() rejects a signature made with another key", async () => {
  const { publicKeyHex } = await keyPair();
  const other = await keyPair();
  const verify = createInteractionVerifier(publicKeyHex, { now: () => NOW_MS });
  const signatureHex = await sign(other.privateKey, NOW_S, body);
  assert.equal(await verify({ signatureHex, timestamp: NOW_S, rawBody: bytes }), false);
});

Deno.test("createInteractionVerifier() rejects stale and future timestamps", async () => {
  const { publicKeyHex, privateKey } = await keyPair();
  const verify = createInteractionVerifier(publicKeyHex, { now: () => NOW_MS, maxAgeSeconds: 60 });
  for (const offset of [-61, 61, -3600, 86_400]) {
    const timestamp = String(NOW_MS / 1000 + offset);
    const signatureHex = await sign(privateKey, timestamp, body);
    assert.equal(
      await verify({ signatureHex, timestamp, rawBody: bytes }),
      false,
      `offset ${offset}`,
    );
  }
  const edge = String(NOW_MS / 1000 - 60);
  assert.equal(
    await verify({
      signatureHex: await sign(privateKey, edge, body),
      timestamp: edge,
      rawBody: bytes,
    }),
    true,
  );
});

Deno.test("createInteractionVerifier() answers false to garbage, never throws", async () => {
  const { publicKeyHex, privateKey } = await keyPair();
  const verify = createInteractionVerifier(publicKeyHex, { now: () => NOW_MS });
  const good = await sign(privateKey, NOW_S, body);
  const cases = [
    { signatureHex: "", timestamp: NOW_S },
    { signatureHex: "zz".repeat(64), timestamp: NOW_S },
    { signatureHex: good.slice(0, 127), timestamp: NOW_S },
    { signatureHex: good.slice(0, 126), timestamp: NOW_S },
    { signatureHex: good + "00", timestamp: NOW_S },
    { signatureHex: good, timestamp: "" },
    { signatureHex: good, timestamp: "not a number" },
    { signatureHex: good, timestamp: `${NOW_S}.5` },
    { signatureHex: good, timestamp: " " + NOW_S },
  ];
  for (const request of cases) {
    assert.equal(await verify({ ...request, rawBody: bytes }), false, JSON.stringify(request));
  }
});

Deno.test("createInteractionVerifier() refuses a public key that is not 32 bytes of hex", () => {
  assert.throws(() => createInteractionVerifier("abc"), SyntaxError);
  assert.throws(() => createInteractionVerifier("00".repeat(31)), SyntaxError);
  assert.throws(() => createInteractionVerifier("xy".repeat(32)), SyntaxError);
});

Deno.test("createInteractionVerifier() with a key that is not a curve point rejects all", async () => {
  // 32 bytes of 0xff is not a valid Ed25519 point: import fails, verify says false.
  const verify = createInteractionVerifier("ff".repeat(32), { now: () => NOW_MS });
  const { privateKey } = await keyPair();
  const signatureHex = await sign(privateKey, NOW_S, body);
  assert.equal(await verify({ signatureHex, timestamp: NOW_S, rawBody: bytes }), false);
});
