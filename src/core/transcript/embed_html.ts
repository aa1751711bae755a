/**
 * One embed as Discord draws it: colour bar, author with icon, linked title,
 * description, fields in rows (up to three inline fields side by side),
 * thumbnail, image, footer with icon and time. Images show only from stored
 * `data:` copies; a remote image is a link, never a load.
 */
import { cssColor } from "./color.ts";
import { timeElement } from "./discord_timestamp.ts";
import { escapeHtml, isSafeImageDataUri } from "./escape.ts";
import { httpLink } from "./http_link.ts";
import type { ImageClasses } from "./image_classes.ts";
import { type EmojiClass, renderMarkdown } from "./markdown.ts";
import type { EmbedView } from "./message_view.ts";
import type { MentionNames } from "./types.ts";
import { type TimeFormat, timeFormat } from "./format_time.ts";
import { english, type Translator } from "../../i18n/translator.ts";

/** What an embed is rendered with. */
export interface EmbedContext {
  names: MentionNames;
  emoji: EmojiClass;
  /** Written-once images (icons, thumbnails). */
  classes: ImageClasses;
  /** Image URL -> `data:` URI of a stored copy. */
  remoteImages: ReadonlyMap<string, string>;
  /** The transcript's language (default English). */
  tr?: Translator;
  time?: TimeFormat;
}

/** Width classes (of 12 columns) for each field: inline fields share a row, three at most. */
export function fieldWidths(fields: ReadonlyArray<{ inline: boolean }>): string[] {
  const widths: string[] = [];
  let i = 0;
  while (i < fields.length) {
    let run = 0;
    while (i + run < fields.length && fields[i + run]!.inline && run < 3) run++;
    if (run === 0) {
      widths.push("");
      i++;
      continue;
    }
    for (let k = 0; k < run; k++) widths.push(run === 1 ? "" : run === 2 ? " w6" : " w4");
    i += run;
  }
  return widths;
}

/** The HTML of one embed. */
export function embedHtml(e: EmbedView, context: EmbedContext): string {
  const { names, emoji, classes, remoteImages } = context;
  const tr = context.tr ?? english();
  const time = context.time ?? timeFormat(tr.locale);
  const icon = (url: string | null): string => {
    const cls = url === null ? null : classes.use(`url:${url}`, remoteImages.get(url));
    return cls === null ? "" : `<span class="icon ${cls}"></span>`;
  };
  const color = cssColor(e.color);
  let html = `<div class="embed"${color === null ? "" : ` style="border-left-color:${color}"`}>`;
  if (e.thumbnailUrl) {
    const cls = classes.use(`url:${e.thumbnailUrl}`, remoteImages.get(e.thumbnailUrl));
    html += cls === null ? "" : `<div class="e-thumb ${cls}"></div>`;
  }
  if (e.authorName) {
    html += `<div class="e-author">${icon(e.authorIconUrl)}<span>${
      escapeHtml(e.authorName)
    }</span></div>`;
  }
  if (e.title) {
    html += `<div class="e-title">${
      httpLink(e.url, renderMarkdown(e.title, names, { inline: true, emoji, time }))
    }</div>`;
  }
  if (e.description) {
    html += `<div class="e-desc">${renderMarkdown(e.description, names, { emoji, time })}</div>`;
  }
  if (e.fields.length > 0) {
    const widths = fieldWidths(e.fields);
    html += `<div class="e-fields">${
      e.fields.map((field, i) =>
        `<div class="e-field${widths[i]}"><div class="e-name">${
          renderMarkdown(field.name, names, { inline: true, emoji, time })
        }</div><div>${renderMarkdown(field.value, names, { emoji, time })}</div></div>`
      ).join("")
    }</div>`;
  }
  const image = e.imageUrl === null ? undefined : remoteImages.get(e.imageUrl);
  if (image !== undefined && isSafeImageDataUri(image)) {
    html += `<img class="e-image" src="${image}" alt="">`;
  } else if (e.imageUrl) {
    html += `<div class="meta">${
      httpLink(e.imageUrl, `[${escapeHtml(tr.t("transcript.image"))}]`)
    }</div>`;
  }
  const thumbStored = e.thumbnailUrl !== null &&
    isSafeImageDataUri(remoteImages.get(e.thumbnailUrl) ?? "");
  if (e.thumbnailUrl && !thumbStored) {
    html += `<div class="meta">${
      httpLink(e.thumbnailUrl, `[${escapeHtml(tr.t("transcript.thumbnail"))}]`)
    }</div>`;
  }
  if (e.footerText || e.timestamp) {
    const parts = [
      e.footerText ? `<span>${escapeHtml(e.footerText)}</span>` : "",
      e.footerText && e.timestamp ? "<span>\u2022</span>" : "",
      e.timestamp ? timeElement(e.timestamp, "f", { format: time }) : "",
    ];
    html += `<div class="e-footer">${icon(e.footerIconUrl)}${parts.join("")}</div>`;
  }
  return html + "</div>";
}
