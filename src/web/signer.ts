/**
 * HMAC-SHA256 signatures with `SESSION_SECRET` (WebCrypto): session cookies,
 * the sign-in state cookie and share links are `value.signature`, so a changed
 * value or a forged one is refused.
 */

/** Signs values and checks signed ones. */
export interface Signer {
  /** `value` with its signature appended (`value.signature`, base64url). */
  sign(value: string): Promise<string>;
  /** The value of a signed string, or null when its signature does not match. */
  verify(signed: string): Promise<string | null>;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A `Signer` keyed by `secret`, for one purpose (`purpose` keeps cookies and links apart). */
export async function createSigner(secret: string, purpose: string): Promise<Signer> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(`${purpose}\u0000${secret}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  const encoder = new TextEncoder();
  return {
    async sign(value) {
      const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
      return `${value}.${base64url(new Uint8Array(mac))}`;
    },
    async verify(signed) {
      const dot = signed.lastIndexOf(".");
      if (dot < 0) return null;
      const value = signed.slice(0, dot);
      const text = signed.slice(dot + 1);
      const mac = fromBase64url(text);
      // Only the one canonical spelling of a signature counts (no ignored padding bits).
      if (mac === null || base64url(mac) !== text) return null;
      // WebCrypto's verify compares in constant time.
      return await crypto.subtle.verify("HMAC", key, mac, encoder.encode(value)) ? value : null;
    },
  };
}

/** `bytes` random bytes as base64url (session ids, CSRF tokens, share-link ids). */
export function randomToken(bytes = 18): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}
