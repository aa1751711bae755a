/** How transcripts are stored: UTF-8 bytes, gzipped when large. */
import { gunzip, gzip } from "../lib/gzip.ts";

/** Renderings at least this many bytes are gzipped. */
export const COMPRESS_THRESHOLD_BYTES = 16 * 1024;

/** The stored form of a transcript's two renderings. */
export interface EncodedTranscript {
  html: Uint8Array;
  text: Uint8Array;
  compressed: boolean;
}

/** Encodes both renderings as UTF-8; gzips both when either reaches the threshold. */
export async function encodeTranscript(html: string, text: string): Promise<EncodedTranscript> {
  const encoder = new TextEncoder();
  const htmlBytes = encoder.encode(html);
  const textBytes = encoder.encode(text);
  if (
    htmlBytes.byteLength < COMPRESS_THRESHOLD_BYTES &&
    textBytes.byteLength < COMPRESS_THRESHOLD_BYTES
  ) {
    return { html: htmlBytes, text: textBytes, compressed: false };
  }
  const [gzHtml, gzText] = await Promise.all([gzip(htmlBytes), gzip(textBytes)]);
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
