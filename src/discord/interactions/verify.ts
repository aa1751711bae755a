/**
 * Verifies Discord's signature on HTTP interactions: Ed25519 over
 * `X-Signature-Timestamp` + raw body with the application's public key.
 * Stale or future timestamps and anything malformed are rejected; it never throws.
 */
import { decodeHex } from "../../lib/hex.ts";

/** A signed request as received. */
export interface SignedRequest {
  /** `X-Signature-Ed25519`, hex. */
  signatureHex: string;
  /** `X-Signature-Timestamp`, unix seconds as a decimal string. */
  timestamp: string;
  rawBody: Uint8Array;
}

/** Resolves true only for a request signed by the key with a fresh timestamp. */
export type InteractionVerifier = (request: SignedRequest) => Promise<boolean>;

/** Options of `createInteractionVerifier`. */
export interface VerifierOptions {
  /** How far the timestamp may be from now, either way (default 300 s). */
  maxAgeSeconds?: number;
  /** The current time in milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * Builds a verifier for `publicKeyHex` (32 bytes, hex). The key is imported once;
 * a key that is not valid hex of the right length throws `SyntaxError` here.
 */
export function createInteractionVerifier(
  publicKeyHex: string,
  options: VerifierOptions = {},
): InteractionVerifier {
  const keyBytes = decodeHex(publicKeyHex.trim());
  if (keyBytes === null || keyBytes.length !== 32) {
    throw new SyntaxError("Cannot use the public key: it must be 64 hexadecimal characters");
  }
  const maxAgeSeconds = options.maxAgeSeconds ?? 300;
  const now = options.now ?? Date.now;
  const key = crypto.subtle.importKey("raw", keyBytes, "Ed25519", false, ["verify"]);
  // An import failure surfaces as `false` on every request, never as an unhandled rejection.
  key.catch(() => {});
  const encoder = new TextEncoder();

  return async ({ signatureHex, timestamp, rawBody }) => {
    if (!/^[0-9]{1,12}$/.test(timestamp)) return false;
    const ageSeconds = now() / 1000 - Number(timestamp);
    if (!(Math.abs(ageSeconds) <= maxAgeSeconds)) return false;
    const signature = decodeHex(signatureHex);
    if (signature === null || signature.length !== 64) return false;
    const stamp = encoder.encode(timestamp);
    const message = new Uint8Array(stamp.length + rawBody.length);
    message.set(stamp, 0);
    message.set(rawBody, stamp.length);
    try {
      return await crypto.subtle.verify("Ed25519", await key, signature, message);
    } catch {
      return false;
    }
  };
}
