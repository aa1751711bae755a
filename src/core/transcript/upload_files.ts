/**
 * The transcript files a message carries. Discord refuses uploads above its
 * default limit (8 MiB), so a file that is too large is sent gzip-compressed,
 * and one that is still too large is left out; each such choice becomes a note
 * the summary shows.
 */
import { gzipText } from "../../lib/gzip.ts";
import { utf8Length } from "../../lib/utf8_length.ts";
import type { FileUpload } from "../message_body.ts";

/** Discord's default per-file upload limit. */
export const DISCORD_UPLOAD_LIMIT = 8 * 1024 * 1024;

/** The files to attach and what the summary should say about them. */
export interface TranscriptFiles {
  files: FileUpload[];
  notes: string[];
}

/** One transcript rendering to attach: a string, or its UTF-8 bytes (sent as they are). */
export interface TranscriptFile {
  name: string;
  content: string | Uint8Array;
  contentType: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Encodes each file, compressing or leaving out those above `limitBytes`. With
 * `encoded`, a file already encoded under the same name (the summary's HTML,
 * sent again by DM) is reused instead of encoded again. Content given as bytes
 * is attached without a copy, so the summary and the DM share it.
 */
export async function transcriptFiles(
  files: readonly TranscriptFile[],
  options: { limitBytes?: number; encoded?: Map<string, Uint8Array> } = {},
): Promise<TranscriptFiles> {
  const limit = options.limitBytes ?? DISCORD_UPLOAD_LIMIT;
  const result: TranscriptFiles = { files: [], notes: [] };
  for (const file of files) {
    const { content } = file;
    const size = typeof content === "string" ? utf8Length(content) : content.byteLength;
    if (size <= limit) {
      const data = typeof content === "string"
        ? options.encoded?.get(file.name) ?? new TextEncoder().encode(content)
        : content;
      options.encoded?.set(file.name, data);
      result.files.push({ name: file.name, data, contentType: file.contentType });
      continue;
    }
    const compressed = await gzipText(content);
    if (compressed.byteLength <= limit) {
      result.files.push({
        name: `${file.name}.gz`,
        data: compressed,
        contentType: "application/gzip",
      });
      result.notes.push(
        `${file.name} is gzip-compressed (${megabytes(size)} uncompressed).`,
      );
    } else {
      result.notes.push(
        `${file.name} (${megabytes(size)}) is too large to upload even compressed; ` +
          "it is stored in the database: export it with `ticketeer transcript`.",
      );
    }
  }
  return result;
}
