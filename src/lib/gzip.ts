/** Gzip of a string or bytes through `node:zlib`, and gunzip through the web's `DecompressionStream`. */
import { gzip as zlibGzip } from "node:zlib";

async function pipe(bytes: Uint8Array, stream: DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Gzip-compressed `bytes` expanded; rejects when they are not gzip. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream("gzip"));
}

/**
 * `text` as UTF-8 (or UTF-8 bytes as they are), gzip-compressed through
 * `node:zlib`, without holding another uncompressed copy beside the output.
 */
export function gzipText(text: string | Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zlibGzip(text, (error, result) => {
      if (error !== null) reject(error);
      else resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength));
    });
  });
}
