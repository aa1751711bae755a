/**
 * Relay request signatures: hex HMAC-SHA256 of `timestamp + "." + body`, keyed
 * with `RELAY_SECRET`. The relay service recomputes it to know a request came
 * from this bot and was not altered or replayed with another timestamp.
 */

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

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** Returns the hex HMAC-SHA256 of `timestamp + "." + body` keyed with `secret`. */
export async function signRelayBody(
  secret: string,
  timestamp: string,
  body: string,
): Promise<string> {
  const key = await importKey(secret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`));
  return toHex(new Uint8Array(mac));
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
  const mac = fromHex(signature);
  if (mac === null) return false;
  const key = await importKey(secret, "verify");
  return await crypto.subtle.verify("HMAC", key, mac, encoder.encode(`${timestamp}.${body}`));
}
