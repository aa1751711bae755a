/** Bytes as lowercase hexadecimal text, and back. */

/** Encodes `bytes` as lowercase hex, two digits a byte. */
export function encodeHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/** Decodes non-empty, even-length hex (either case); null when `hex` is anything else. */
export function decodeHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!HEX.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}
