/** Gzip through the web's `CompressionStream`, in memory, and of a string through `node:zlib`. */
import { gzip as zlibGzip } from "node:zlib";

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** `bytes` gzip-compressed. */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream("gzip"));
}

/** Gzip-compressed `bytes` expanded; rejects when they are not gzip. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream("gzip"));
}

/** `text` as UTF-8, gzip-compressed, without holding its uncompressed bytes beside the output. */
export function gzipText(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zlibGzip(text, (error, result) => {
      if (error !== null) reject(error);
      else resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength));
    });
  });
}
