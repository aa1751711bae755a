/**
 * The HTML transcript: one self-contained document (inline CSS, no scripts, no
 * remote requests) that reads like Discord. Rendering is incremental, page by
 * page, so a long ticket never needs all of its messages in memory at once.
 * Every piece of user content is escaped; the document also carries a Content
 * Security Policy that forbids scripts and remote loads, as a second wall.
 */
import { cssColor } from "./color.ts";
import { escapeHtml, isSafeImageDataUri, safeHttpUrl } from "./escape.ts";
import { formatTime } from "./format_time.ts";
import { incrementalRenderer, knownNames, renderWhole } from "./incremental_renderer.ts";
import { renderMarkdown } from "./markdown.ts";
import {
  type AttachmentView,
  type EmbedView,
  type MessageView,
  readMessage,
  rememberNames,
} from "./message_view.ts";
import type { TranscriptMessage, TranscriptOptions, TranscriptRenderer } from "./types.ts";

/** Consecutive messages by one author within this window share a header, as in Discord. */
const GROUP_WINDOW_MS = 7 * 60 * 1000;
/** Message types shown as ordinary messages: default, reply, slash command, context menu. */
const ORDINARY_TYPES = new Set([0, 19, 20, 23]);
const SYSTEM_TEXT: Record<number, string> = {
  6: "pinned a message to this channel.",
  7: "joined the server.",
  8: "boosted the server.",
  18: "started a thread.",
};

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; " +
  "form-action 'none'; base-uri 'none'";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#313338;color:#dbdee1;font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
a{color:#00a8fc;text-decoration:none}a:hover{text-decoration:underline}
header.info{padding:16px 20px;background:#2b2d31;border-bottom:1px solid #1e1f22}
header.info h1{margin:0 0 8px;font-size:20px;color:#f2f3f5}
header.info dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:14px}
header.info dt{color:#949ba4}header.info dd{margin:0;unicode-bidi:isolate;overflow-wrap:anywhere}
main{padding:8px 0 16px}
.group{display:flex;gap:16px;padding:2px 20px;margin-top:17px}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;overflow:hidden}
.avatar.initial{display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600;font-size:18px}
.avatar img{width:40px;height:40px;display:block}
.body{min-width:0;flex:1}
.head{display:flex;align-items:baseline;gap:8px}
.name{font-weight:500;color:#f2f3f5;unicode-bidi:isolate;overflow-wrap:anywhere}
.tag{background:#5865f2;color:#fff;font-size:10px;font-weight:600;padding:0 4px;border-radius:3px}
time,.meta{color:#949ba4;font-size:12px}
.msg{position:relative;padding:1px 0}
.content{white-space:normal;overflow-wrap:anywhere;word-break:break-word;unicode-bidi:isolate}
.edited{color:#949ba4;font-size:10px;margin-left:4px}
.deleted .content{color:#f38688;text-decoration:line-through}
.deleted-note{color:#f23f43;font-size:12px}
.reply{font-size:14px;color:#b5bac1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.reply .name{font-size:14px}
.system{padding:4px 20px 4px 76px;color:#949ba4;font-style:italic}
code{background:#2b2d31;border-radius:3px;padding:0 2px;font-family:Consolas,"Courier New",monospace;font-size:85%}
pre.code{background:#2b2d31;border:1px solid #1e1f22;border-radius:4px;padding:8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre.code code{background:none;padding:0}
blockquote{margin:2px 0;padding:0 8px 0 12px;border-left:4px solid #4e5058}
h1.md{font-size:24px;margin:8px 0 4px}h2.md{font-size:20px;margin:8px 0 4px}h3.md{font-size:16px;margin:8px 0 4px}
.subtext{color:#949ba4;font-size:12px}
ul,ol{margin:4px 0;padding-left:24px}
.mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px;font-weight:500}
.emoji{color:#f2f3f5}
.spoiler{background:#1e1f22;color:transparent;border-radius:3px;cursor:pointer}
.spoiler:hover,.spoiler:focus{background:#404249;color:inherit}
.spoiler *{visibility:hidden}.spoiler:hover *,.spoiler:focus *{visibility:visible}
.attachment{margin:4px 0}
.attachment img{max-width:400px;max-height:300px;border-radius:8px;display:block}
.file{display:inline-block;background:#2b2d31;border:1px solid #1e1f22;border-radius:8px;padding:8px 12px;overflow-wrap:anywhere}
.embed{background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 12px;margin:4px 0;max-width:520px;overflow-wrap:anywhere}
.embed .e-author{font-size:14px;font-weight:600}.embed .e-title{font-weight:600;color:#f2f3f5}
.embed .e-field{margin-top:4px}.embed .e-name{font-weight:600;font-size:14px}
.embed .e-footer{font-size:12px;color:#949ba4;margin-top:4px}
.sticker,.reactions{font-size:14px;color:#b5bac1}
.reaction{display:inline-block;background:#2b2d31;border-radius:8px;padding:0 6px;margin:2px 4px 0 0}
footer{padding:12px 20px;color:#949ba4;font-size:12px;border-top:1px solid #1e1f22}
`;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function hue(id: string): number {
  let h = 0;
  for (const char of id) h = (h * 31 + char.charCodeAt(0)) % 360;
  return h;
}

function initial(name: string): string {
  const first = [...name.trim()][0] ?? "?";
  return escapeHtml(first.toUpperCase());
}

function httpLink(url: string | null, label: string): string {
  const href = url === null ? null : safeHttpUrl(url);
  return href === null
    ? label
    : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${label}</a>`;
}

/** An incremental HTML transcript renderer: `begin()`, `render()` per page, `end()`. */
export function createHtmlRenderer(options: TranscriptOptions): TranscriptRenderer {
  const names = knownNames(options);
  const avatars = options.avatars ?? new Map<string, string>();
  const images = options.images ?? new Map<string, string>();
  const stored = options.storedAttachments ?? new Set<string>();
  let last: { authorId: string; at: number } | null = null;

  const avatar = (id: string, name: string): string => {
    const uri = avatars.get(id);
    if (uri !== undefined && isSafeImageDataUri(uri)) {
      return `<div class="avatar"><img src="${uri}" alt=""></div>`;
    }
    return `<div class="avatar initial" style="background:hsl(${hue(id)},45%,42%)">${
      initial(name)
    }</div>`;
  };

  const attachment = (a: AttachmentView): string => {
    const uri = images.get(a.id);
    const label = `${escapeHtml(a.filename)} <span class="meta">(${formatSize(a.size)})</span>`;
    if (uri !== undefined && isSafeImageDataUri(uri)) {
      return `<div class="attachment"><img src="${uri}" alt="${escapeHtml(a.filename)}">` +
        `<span class="meta">${escapeHtml(a.filename)}</span></div>`;
    }
    const note = stored.has(a.id) ? ` <span class="meta">(copy stored)</span>` : "";
    return `<div class="attachment"><span class="file">${
      httpLink(a.url, label)
    }${note}</span></div>`;
  };

  const embed = (e: EmbedView): string => {
    const color = cssColor(e.color);
    let html = `<div class="embed"${color === null ? "" : ` style="border-left-color:${color}"`}>`;
    if (e.authorName) {
      html += `<div class="e-author">${escapeHtml(e.authorName)}</div>`;
    }
    if (e.title) {
      html += `<div class="e-title">${
        httpLink(e.url, renderMarkdown(e.title, names, { inline: true }))
      }</div>`;
    }
    if (e.description) {
      html += `<div class="e-desc">${renderMarkdown(e.description, names)}</div>`;
    }
    for (const field of e.fields) {
      html += `<div class="e-field"><div class="e-name">${
        renderMarkdown(field.name, names, { inline: true })
      }</div><div>${renderMarkdown(field.value, names)}</div></div>`;
    }
    for (const [kind, url] of [["image", e.imageUrl], ["thumbnail", e.thumbnailUrl]] as const) {
      if (url) html += `<div class="meta">${httpLink(url, `[${kind}]`)}</div>`;
    }
    if (e.footerText) {
      html += `<div class="e-footer">${escapeHtml(e.footerText)}</div>`;
    }
    return html + "</div>";
  };

  const reply = (m: MessageView): string => {
    if (m.reference === null) return "";
    if (m.reference.kind === "deleted") {
      return `<div class="reply">↪ <em>Original message was deleted</em></div>`;
    }
    const who = m.reference.author?.displayName ?? "unknown";
    const snippet = m.reference.content.slice(0, 120).replace(/\s+/g, " ");
    return `<div class="reply">↪ <bdi class="name">${escapeHtml(who)}</bdi> ${
      escapeHtml(snippet)
    }</div>`;
  };

  const body = (m: MessageView, deletedAt: Date | null): string => {
    let html = `<div class="msg${deletedAt ? " deleted" : ""}" id="m-${escapeHtml(m.id)}">`;
    html += reply(m);
    if (m.content !== "") {
      html += `<div class="content">${renderMarkdown(m.content, names)}${
        m.editedAt
          ? `<span class="edited" title="${escapeHtml(formatTime(m.editedAt))}">(edited)</span>`
          : ""
      }</div>`;
    } else if (m.editedAt) {
      html += `<span class="edited">(edited)</span>`;
    }
    for (const a of m.attachments) html += attachment(a);
    for (const e of m.embeds) html += embed(e);
    for (const sticker of m.stickers) {
      html += `<div class="sticker">Sticker: ${escapeHtml(sticker)}</div>`;
    }
    if (m.reactions.length > 0) {
      html += `<div class="reactions">${
        m.reactions.map((r) =>
          `<span class="reaction">${escapeHtml(r.emoji)} ${Math.max(0, Math.trunc(r.count))}</span>`
        ).join("")
      }</div>`;
    }
    if (deletedAt) {
      html += `<div class="deleted-note">Deleted ${escapeHtml(formatTime(deletedAt))}</div>`;
    }
    return html + "</div>";
  };

  const closeGroup = (): string => {
    if (last === null) return "";
    last = null;
    return "</div></div>";
  };

  const message = (entry: TranscriptMessage): string => {
    const m = readMessage(entry.raw);
    const name = rememberNames(names.users, m);
    if (!ORDINARY_TYPES.has(m.type)) {
      const what = SYSTEM_TEXT[m.type] ?? `system message (type ${m.type})`;
      return closeGroup() +
        `<div class="system" id="m-${escapeHtml(m.id)}"><bdi class="name">${
          escapeHtml(name)
        }</bdi> ${escapeHtml(what)} <time>${escapeHtml(formatTime(m.timestamp))}</time>${
          m.content ? ` <span class="content">${renderMarkdown(m.content, names)}</span>` : ""
        }</div>`;
    }
    const at = m.timestamp.getTime();
    const continues = last !== null && last.authorId === m.author.id && m.reference === null &&
      at - last.at < GROUP_WINDOW_MS && at >= last.at;
    let html = "";
    if (!continues) {
      html += closeGroup();
      html += `<div class="group">${avatar(m.author.id, name)}<div class="body">` +
        `<div class="head"><bdi class="name">${escapeHtml(name)}</bdi>${
          m.author.bot ? `<span class="tag">BOT</span>` : ""
        }<time>${escapeHtml(formatTime(m.timestamp))}</time></div>`;
    }
    last = { authorId: m.author.id, at };
    return html + body(m, entry.deletedAt);
  };

  return incrementalRenderer({
    begin() {
      const details = options.info.details.map(([label, value]) =>
        `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`
      ).join("");
      const title = escapeHtml(options.info.title);
      return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
        `<meta name="referrer" content="no-referrer">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title}</title><style>${STYLE}</style></head><body>` +
        `<header class="info"><h1>${title}</h1><dl>${details}</dl></header><main>\n`;
    },
    message: (entry) => message(entry) + "\n",
    end(count) {
      return `${closeGroup()}</main><footer>${count} message${
        count === 1 ? "" : "s"
      } · ticketeer transcript</footer></body></html>\n`;
    },
  });
}

/** Renders a whole HTML transcript at once (small tickets, tests). */
export function renderHtml(
  messages: readonly TranscriptMessage[],
  options: TranscriptOptions,
): string {
  return renderWhole(createHtmlRenderer(options), messages);
}
