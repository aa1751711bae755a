/**
 * The transcript files a message carries. Discord refuses uploads above its
 * default limit (8 MiB), so a file that is too large is sent gzip-compressed,
 * and one that is still too large is left out; each such choice becomes a note
 * the summary shows.
 */
import { gzip } from "../../lib/gzip.ts";
import type { FileUpload } from "../message_body.ts";

/** Discord's default per-file upload limit. */
export const DISCORD_UPLOAD_LIMIT = 8 * 1024 * 1024;

/** The files to attach and what the summary should say about them. */
export interface TranscriptFiles {
  files: FileUpload[];
  notes: string[];
}

/** One transcript rendering to attach. */
export interface TranscriptFile {
  name: string;
  content: string;
  contentType: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Encodes each file, compressing or leaving out those above `limitBytes`. */
export async function transcriptFiles(
  files: readonly TranscriptFile[],
  options: { limitBytes?: number } = {},
): Promise<TranscriptFiles> {
  const limit = options.limitBytes ?? DISCORD_UPLOAD_LIMIT;
  const result: TranscriptFiles = { files: [], notes: [] };
  for (const file of files) {
    const data = new TextEncoder().encode(file.content);
    if (data.byteLength <= limit) {
      result.files.push({ name: file.name, data, contentType: file.contentType });
      continue;
    }
    const compressed = await gzip(data);
    if (compressed.byteLength <= limit) {
      result.files.push({
        name: `${file.name}.gz`,
        data: compressed,
        contentType: "application/gzip",
      });
      result.notes.push(
        `${file.name} is gzip-compressed (${megabytes(data.byteLength)} uncompressed).`,
      );
    } else {
      result.notes.push(
        `${file.name} (${megabytes(data.byteLength)}) is too large to upload even compressed; ` +
          "it is stored in the database: export it with `ticketeer transcript`.",
      );
    }
  }
  return result;
}
