/**
 * Escaping for the HTML transcript: every piece of user content passes through
 * `escapeHtml` before it reaches the document, and every link target through
 * `safeHttpUrl`, so hostile messages render as inert text.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char).replace(
    // NUL and other C0 controls (except tab and newlines) have no place in a document.
    // deno-lint-ignore no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
    "\ufffd",
  );
}

/**
 * The normalised form of an `http:`/`https:` URL, or null for anything else
 * (`javascript:`, `data:`, `vbscript:`, relative or malformed URLs).
 */
export function safeHttpUrl(url: string): string | null {
  // Browsers strip tabs and newlines inside URLs ("java\tscript:"): refuse them outright.
  // deno-lint-ignore no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url.trim())) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.hostname === "") return null;
  return parsed.href;
}

const SAFE_IMAGE_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/;

/** True for a base64 `data:` URI of a raster image type browsers cannot script. */
export function isSafeImageDataUri(uri: string): boolean {
  return SAFE_IMAGE_DATA_URI.test(uri);
}
