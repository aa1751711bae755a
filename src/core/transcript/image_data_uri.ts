/**
 * Turns a stored copy of an image into a `data:` URI for the HTML transcript.
 * The type comes from the file's own magic bytes, never from the name or the
 * declared content type, and only raster formats a browser cannot script
 * (PNG, JPEG, GIF, WebP) qualify: an SVG would be able to carry script.
 */

type ImageType = "png" | "jpeg" | "gif" | "webp";

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}

function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return "webp";
  }
  return null;
}

function base64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** A `data:image/...;base64,` URI for a PNG, JPEG, GIF or WebP file; null for anything else. */
export function imageDataUri(bytes: Uint8Array): string | null {
  const type = sniffImage(bytes);
  return type === null ? null : `data:image/${type};base64,${base64(bytes)}`;
}
