/** Reading an HTTP body whole, but never more of it than a limit. */

/**
 * The whole body of `message` (a request or a response), or null when it is
 * larger than `maxBytes`: a declared `Content-Length` above the limit is refused
 * before reading, and the stream is cancelled as soon as it passes the limit.
 */
export async function readBounded(
  message: Pick<Request | Response, "headers" | "body">,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const declared = Number(message.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await message.body?.cancel();
    return null;
  }
  if (message.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = message.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
