/**
 * The stored transcript served from its own path, with its own policy: the
 * transcript's (one pinned inline script, images as `data:` only), framed only by
 * this site's pages; or as a download (HTML or text).
 */
import { TRANSCRIPT_CSP } from "../core/transcript/html_style.ts";
import type { Transcript } from "../core/model.ts";
import type { Ticket } from "../core/model.ts";
import { securityHeaders } from "./layout.ts";

/** How the transcript is asked for: in the page's frame, or downloaded as HTML or text. */
export type TranscriptFormat = "frame" | "html" | "text";

/** The response for one format of `transcript`. */
export function transcriptDocument(
  ticket: Ticket,
  transcript: Transcript,
  format: TranscriptFormat,
): Response {
  const name = `ticket-${ticket.number}`;
  if (format === "text") {
    return new Response(transcript.text, {
      headers: {
        ...securityHeaders("default-src 'none'; frame-ancestors 'none'"),
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.txt"`,
      },
    });
  }
  return new Response(transcript.html, {
    headers: {
      ...securityHeaders(`${TRANSCRIPT_CSP}; frame-ancestors 'self'`),
      "content-type": "text/html; charset=utf-8",
      ...(format === "html"
        ? { "content-disposition": `attachment; filename="${name}.html"` }
        : {}),
    },
  });
}

/** The format a path's last segment names, or null. */
export function formatOf(segment: string): TranscriptFormat | null {
  if (segment === "transcript.html") return "frame";
  if (segment === "download.html") return "html";
  if (segment === "download.txt") return "text";
  return null;
}
