/** How transcripts are stored: UTF-8 bytes, gzipped when large. */
import { gunzip, gzipText } from "../lib/gzip.ts";
import { utf8Length } from "../lib/utf8_length.ts";

/** Renderings at least this many bytes are gzipped. */
export const COMPRESS_THRESHOLD_BYTES = 16 * 1024;

/** The stored form of a transcript's two renderings. */
export interface EncodedTranscript {
  html: Uint8Array;
  text: Uint8Array;
  compressed: boolean;
}

/** A rendering as a string or as its UTF-8 bytes. */
type Rendering = string | Uint8Array;

const byteLength = (r: Rendering) => typeof r === "string" ? utf8Length(r) : r.byteLength;
const bytesOf = (r: Rendering) => typeof r === "string" ? new TextEncoder().encode(r) : r;

/**
 * Encodes both renderings as UTF-8 (bytes given are kept as they are); gzips both
 * when either reaches the threshold. A large rendering is gzipped straight from
 * its string or bytes, so it is not also held as another uncompressed copy.
 */
export async function encodeTranscript(
  html: Rendering,
  text: Rendering,
): Promise<EncodedTranscript> {
  if (byteLength(html) < COMPRESS_THRESHOLD_BYTES && byteLength(text) < COMPRESS_THRESHOLD_BYTES) {
    return { html: bytesOf(html), text: bytesOf(text), compressed: false };
  }
  const gzHtml = await gzipText(html);
  const gzText = await gzipText(text);
  return { html: gzHtml, text: gzText, compressed: true };
}

/** Reverses `encodeTranscript`. */
export async function decodeTranscript(
  stored: EncodedTranscript,
): Promise<{ html: string; text: string }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  if (!stored.compressed) {
    return { html: decoder.decode(stored.html), text: decoder.decode(stored.text) };
  }
  const [html, text] = await Promise.all([gunzip(stored.html), gunzip(stored.text)]);
  return { html: decoder.decode(html), text: decoder.decode(text) };
}
