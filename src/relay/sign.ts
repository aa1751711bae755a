/**
 * Relay request signatures: hex HMAC-SHA256 of `timestamp + "." + body`, keyed
 * with `RELAY_SECRET`. The relay service recomputes it to know a request came
 * from this bot and was not altered or replayed with another timestamp.
 */
import { decodeHex, encodeHex } from "../lib/hex.ts";

const encoder = new TextEncoder();

function importKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [usage],
  );
}

/** Returns the hex HMAC-SHA256 of `timestamp + "." + body` keyed with `secret`. */
export async function signRelayBody(
  secret: string,
  timestamp: string,
  body: string,
): Promise<string> {
  const key = await importKey(secret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`));
  return encodeHex(new Uint8Array(mac));
}

/**
 * True when `signature` (hex) is the HMAC-SHA256 of `timestamp + "." + body`
 * keyed with `secret`; compared in constant time by WebCrypto.
 */
export async function verifyRelaySignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): Promise<boolean> {
  const mac = decodeHex(signature);
  if (mac === null) return false;
  const key = await importKey(secret, "verify");
  return await crypto.subtle.verify("HMAC", key, mac, encoder.encode(`${timestamp}.${body}`));
}
