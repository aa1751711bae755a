/**
 * Splits a Markdown document into passages, one per heading: each passage is the
 * heading's text and the lines under it up to the next heading of any level.
 * The document's title is its first `# ` heading, or its file name.
 */

/** One searchable piece of a document. */
export interface Passage {
  /** The document's path relative to the docs folder. */
  file: string;
  /** The document's title. */
  title: string;
  /** The heading the passage sits under (the title for text before any heading). */
  heading: string;
  text: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** The passages of one Markdown document; headings inside code fences do not count. */
export function splitPassages(file: string, markdown: string): Passage[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let title: string | null = null;
  for (const line of lines) {
    const match = HEADING.exec(line);
    if (match && match[1] === "#") {
      title = match[2]!;
      break;
    }
  }
  title ??= (file.split("/").at(-1) ?? file).replace(/\.(md|markdown)$/i, "").replace(
    /[-_]+/g,
    " ",
  );

  const passages: Passage[] = [];
  let heading = title;
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = body.join("\n").trim();
    if (text !== "") passages.push({ file, title: title!, heading, text });
    body = [];
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match) {
      flush();
      heading = match[2]!;
    } else {
      body.push(line);
    }
  }
  flush();
  return passages;
}
