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

/** The key new values are sealed with, and the one `ticketeer rekey` moves away from. */
export interface EncryptionConfig {
  key: Uint8Array<ArrayBuffer>;
  previous: Uint8Array<ArrayBuffer> | null;
}

/** `ENCRYPTION_KEY` and `ENCRYPTION_KEY_PREVIOUS` from `read`; problems go to `problems`. */
export function parseEncryption(
  read: (name: string) => string | undefined,
  problems: string[],
): EncryptionConfig | null {
  const keyText = read("ENCRYPTION_KEY") ?? null;
  const previousText = read("ENCRYPTION_KEY_PREVIOUS") ?? null;
  if (keyText === null) {
    if (previousText !== null) {
      problems.push(
        "ENCRYPTION_KEY_PREVIOUS is set but ENCRYPTION_KEY is not: set the new key too",
      );
    }
    return null;
  }
  const key = parseEncryptionKey("ENCRYPTION_KEY", keyText);
  const previous = previousText === null
    ? null
    : parseEncryptionKey("ENCRYPTION_KEY_PREVIOUS", previousText);
  if ("problem" in key) problems.push(key.problem);
  if (previous !== null && "problem" in previous) problems.push(previous.problem);
  if ("problem" in key || (previous !== null && "problem" in previous)) return null;
  return { key: key.key, previous: previous?.key ?? null };
}
