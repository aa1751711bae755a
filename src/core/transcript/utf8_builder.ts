/**
 * A document written as UTF-8 bytes while it is rendered, so a long transcript
 * is never held as one large string (nor as the thousands of joined pieces a
 * string is built from) beside its bytes. Text appended is encoded in batches
 * into one growable buffer, which reserves address space and takes memory only
 * as it fills; what goes first but is known last (the transcript's header) is
 * written into room kept free at the front.
 */

/** Characters gathered before they are encoded: small enough to die young in V8. */
const BATCH_CHARS = 16 * 1024;
/** Largest document: address space reserved, not memory taken. */
const MAX_BYTES = 2 ** 31;

/** A UTF-8 document written front to back, with its head written last. */
export interface Utf8Builder {
  /** Appends `text`. */
  append(text: string): void;
  /** The document: `head` (written now) and everything appended. The builder is spent. */
  finish(head: string): Uint8Array;
}

/** A builder that keeps `headroom` bytes free at the front for the head (more is copied). */
export function utf8Builder(options: { headroom?: number } = {}): Utf8Builder {
  const headroom = options.headroom ?? 64 * 1024;
  const encoder = new TextEncoder();
  let buffer = new ArrayBuffer(headroom, { maxByteLength: MAX_BYTES });
  let end = headroom;
  let pending = "";

  const write = (text: string) => {
    // A UTF-16 code unit never takes more than three UTF-8 bytes.
    const room = end + text.length * 3;
    if (room > buffer.byteLength) {
      buffer.resize(Math.min(MAX_BYTES, Math.max(room, buffer.byteLength * 2)));
    }
    const { read, written } = encoder.encodeInto(text, new Uint8Array(buffer, end));
    if (read !== text.length) throw new RangeError("Cannot write the transcript: it exceeds 2 GiB");
    end += written;
  };
  const flush = () => {
    if (pending === "") return;
    write(pending);
    pending = "";
  };

  return {
    append(text) {
      pending += text;
      if (pending.length >= BATCH_CHARS) flush();
    },
    finish(head) {
      flush();
      const top = encoder.encode(head);
      let bytes: Uint8Array;
      if (top.byteLength <= headroom) {
        const start = headroom - top.byteLength;
        // A plain (fixed-length) buffer for the drivers, shrunk in place.
        const fixed = buffer.transferToFixedLength(end);
        bytes = new Uint8Array(fixed, start, end - start);
        bytes.set(top, 0);
      } else {
        const body = new Uint8Array(buffer, headroom, end - headroom);
        bytes = new Uint8Array(top.byteLength + body.byteLength);
        bytes.set(top, 0);
        bytes.set(body, top.byteLength);
      }
      buffer = new ArrayBuffer(0);
      end = 0;
      return bytes;
    },
  };
}
