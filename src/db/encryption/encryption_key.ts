/** Parses `ENCRYPTION_KEY`-shaped text: 32 bytes as 64 hex digits or as base64. */
import { decodeHex } from "../../lib/hex.ts";

/** The 32 key bytes of `text`, or a problem saying why it is not a key. */
export function parseEncryptionKey(
  name: string,
  text: string,
): { key: Uint8Array<ArrayBuffer> } | { problem: string } {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed) ? decodeHex(trimmed) : null;
  if (hex !== null) return { key: hex };
  try {
    const binary = atob(trimmed.replaceAll("-", "+").replaceAll("_", "/"));
    if (binary.length === 32) {
      return { key: Uint8Array.from(binary, (c) => c.charCodeAt(0)) };
    }
  } catch {
    // Not base64: reported below.
  }
  return {
    problem: `${name} must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)`,
  };
}
