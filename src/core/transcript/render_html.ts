/**
 * The HTML transcript: one self-contained document (inline CSS, one pinned
 * script, no remote requests) that reads like Discord. Rendering is
 * incremental, page by page, so a long ticket never needs all of its messages
 * in memory at once; images shown many times are written once (see
 * `image_classes.ts`). Every piece of user content is escaped; the document
 * also carries a Content Security Policy that allows only the pinned
 * local-time script and no remote loads, as a second wall.
 */
import { cssColor } from "./color.ts";
import { timeElement } from "./discord_timestamp.ts";
import { embedHtml } from "./embed_html.ts";
import { escapeHtml, isSafeImageDataUri } from "./escape.ts";
import { timeFormat } from "./format_time.ts";
import { TRANSCRIPT_CSP, TRANSCRIPT_STYLE } from "./html_style.ts";
import { httpLink } from "./http_link.ts";
import { imageClasses } from "./image_classes.ts";
import { incrementalRenderer, knownNames, renderWhole } from "./incremental_renderer.ts";
import { LOCAL_TIME_SCRIPT } from "./local_time_script.ts";
import { renderMarkdown } from "./markdown.ts";
import {
  type AttachmentView,
  type EmbedView,
  type MessageView,
  readMessage,
  rememberNames,
} from "./message_view.ts";
import { replyExcerpt } from "./reply_excerpt.ts";
import { highestRoleColor } from "./role_color.ts";
import type { TranscriptMessage, TranscriptOptions, TranscriptRenderer } from "./types.ts";
import { transcriptSize } from "./transcript_size.ts";
import { systemText } from "./system_text.ts";
import { fillSlot, SLOT } from "./markup_slot.ts";
import { DEFAULT_LOCALE } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";

/** Consecutive messages by one author within this window share a header, as in Discord. */
const GROUP_WINDOW_MS = 7 * 60 * 1000;
/** Above this many messages, the top of the page links to each day. */
const DAY_LINKS_FROM = 100;
/** Message types shown as ordinary messages: default, reply, slash command, context menu. */
const ORDINARY_TYPES: ReadonlySet<number> = new Set([0, 19, 20, 23]);
function hue(id: string): number {
  let h = 0;
  for (const char of id) h = (h * 31 + char.charCodeAt(0)) % 360;
  return h;
}

function initial(name: string): string {
  const first = [...name.trim()][0] ?? "?";
  return escapeHtml(first.toUpperCase());
}

/** An incremental HTML transcript renderer: `begin()`, `render()` per page, `end()`. */
export function createHtmlRenderer(options: TranscriptOptions): TranscriptRenderer {
  const names = knownNames(options);
  const tr = translator(options.locale ?? DEFAULT_LOCALE);
  const time = timeFormat(tr.locale);
  const when = (date: Date, style: "s" | "D") => timeElement(date, style, { format: time });
  const avatars = options.avatars ?? new Map<string, string>();
  const images = options.images ?? new Map<string, string>();
  const stored = options.storedAttachments ?? new Set<string>();
  const emojiCopies = options.emoji ?? new Map<string, string>();
  const classes = imageClasses();
  const colors = new Map<string, number>(options.authorColors ?? []);
  /** Ids of messages already written, so a reply can link to the one it answers. */
  const seen = new Set<string>();
  const days: Array<{ id: string; at: Date }> = [];
  let last: { authorId: string; at: number } | null = null;
  let lastDay: string | null = null;

  const emoji = (id: string) => classes.use(`emoji:${id}`, emojiCopies.get(id));
  const context = {
    names,
    emoji,
    classes,
    remoteImages: options.remoteImages ?? new Map(),
    tr,
    time,
  };
  const md = (source: string) => renderMarkdown(source, names, { emoji, time });

  const nameHtml = (id: string | null, name: string): string => {
    const color = cssColor(id === null ? null : colors.get(id));
    return `<bdi class="name"${color === null ? "" : ` style="color:${color}"`}>${
      escapeHtml(name)
    }</bdi>`;
  };

  const avatar = (id: string, name: string): string => {
    const cls = classes.use(`avatar:${id}`, avatars.get(id));
    if (cls !== null) return `<div class="avatar ${cls}"></div>`;
    return `<div class="avatar initial" style="background:hsl(${hue(id)},45%,42%)">${
      initial(name)
    }</div>`;
  };

  const attachment = (a: AttachmentView): string => {
    const uri = images.get(a.id);
    const label = `${escapeHtml(a.filename)} <span class="meta">(${
      escapeHtml(transcriptSize(a.size, tr))
    })</span>`;
    if (uri !== undefined && isSafeImageDataUri(uri)) {
      return `<div class="attachment"><img src="${uri}" alt="${escapeHtml(a.filename)}">` +
        `<span class="meta">${escapeHtml(a.filename)}</span></div>`;
    }
    const note = stored.has(a.id)
      ? ` <span class="meta">(${escapeHtml(tr.t("transcript.copy_stored"))})</span>`
      : "";
    return `<div class="attachment"><span class="file">${
      httpLink(a.url, label)
    }${note}</span></div>`;
  };

  const parts = (view: { attachments: AttachmentView[]; embeds: EmbedView[] }): string =>
    view.attachments.map(attachment).join("") +
    view.embeds.map((e) => embedHtml(e, context)).join("");

  /** The line above the header: the message replied to, or the command that was used. */
  const above = (m: MessageView): string => {
    if (m.reference?.kind === "deleted") {
      return `<div class="reply">\u21AA <em>${
        escapeHtml(tr.t("transcript.reply_deleted"))
      }</em></div>`;
    }
    if (m.reference?.kind === "message") {
      const who = m.reference.author;
      const excerpt = escapeHtml(replyExcerpt(m.reference.content, names, { time })) ||
        `<em>${escapeHtml(tr.t("transcript.reply_attachment"))}</em>`;
      const target = m.reference.messageId;
      const linked = target !== null && seen.has(target)
        ? `<a href="#message-${escapeHtml(target)}">${excerpt}</a>`
        : excerpt;
      const name = who === null
        ? tr.t("transcript.unknown_user")
        : names.users.get(who.id) ?? who.displayName;
      return `<div class="reply">\u21AA ${nameHtml(who?.id ?? null, name)} ${linked}</div>`;
    }
    if (m.interaction !== null) {
      const who = m.interaction.user;
      const name = who === null
        ? tr.t("transcript.someone")
        : names.users.get(who.id) ?? who.displayName;
      const what = m.interaction.command === null
        ? escapeHtml(tr.t("transcript.used_command"))
        : fillSlot(
          tr.t("transcript.used_named_command", { command: SLOT }),
          `<span class="cmd">/${escapeHtml(m.interaction.command)}</span>`,
        );
      return `<div class="reply interaction">\u21AA ${
        nameHtml(who?.id ?? null, name)
      } ${what}</div>`;
    }
    return "";
  };

  const body = (m: MessageView, deletedAt: Date | null): string => {
    let html = `<div class="msg${deletedAt ? " deleted" : ""}" id="message-${escapeHtml(m.id)}">`;
    const edited = `(${escapeHtml(tr.t("transcript.edited"))})`;
    if (m.content !== "") {
      html += `<div class="content">${md(m.content)}${
        m.editedAt
          ? `<span class="edited" title="${escapeHtml(time.stamp(m.editedAt))}">${edited}</span>`
          : ""
      }</div>`;
    } else if (m.editedAt) {
      html += `<span class="edited">${edited}</span>`;
    }
    for (const text of m.componentText) html += `<div class="content cv2">${md(text)}</div>`;
    for (const snapshot of m.snapshots) {
      html +=
        `<div class="forward"><div class="f-label">\u21B1 ${
          escapeHtml(tr.t("transcript.forwarded"))
        }</div>` +
        (snapshot.content === "" ? "" : `<div class="content">${md(snapshot.content)}</div>`) +
        snapshot.componentText.map((text) => `<div class="content cv2">${md(text)}</div>`)
          .join("") +
        parts(snapshot) +
        (snapshot.timestamp ? `<div class="meta">${when(snapshot.timestamp, "s")}</div>` : "") +
        `</div>`;
    }
    html += parts(m);
    for (const sticker of m.stickers) {
      html += `<div class="sticker">${
        escapeHtml(tr.t("transcript.sticker", { name: sticker }))
      }</div>`;
    }
    if (m.reactions.length > 0) {
      html += `<div class="reactions">${
        m.reactions.map((r) =>
          `<span class="reaction">${escapeHtml(r.emoji)} ${Math.max(0, Math.trunc(r.count))}</span>`
        ).join("")
      }</div>`;
    }
    if (deletedAt) {
      html += `<div class="deleted-note">${
        fillSlot(tr.t("transcript.deleted_note", { time: SLOT }), when(deletedAt, "s"))
      }</div>`;
    }
    return html + "</div>";
  };

  const closeGroup = (): string => {
    if (last === null) return "";
    last = null;
    return "</div></div>";
  };

  /** A divider with the date when a message starts a new (UTC) day. */
  const dayDivider = (m: MessageView): string => {
    const day = m.timestamp.toISOString().slice(0, 10);
    if (day === lastDay || Number.isNaN(m.timestamp.getTime())) return "";
    lastDay = day;
    days.push({ id: day, at: m.timestamp });
    return closeGroup() +
      `<div class="day" id="day-${day}"><span>${when(m.timestamp, "D")}</span></div>`;
  };

  const message = (entry: TranscriptMessage): string => {
    const m = readMessage(entry.raw);
    const name = rememberNames(names.users, m);
    const color = highestRoleColor(m.roleIds, names.roles);
    if (color !== null && !options.authorColors?.has(m.author.id)) colors.set(m.author.id, color);
    let html = dayDivider(m);
    seen.add(m.id);
    if (!ORDINARY_TYPES.has(m.type)) {
      const what = systemText(m.type, tr);
      return html + closeGroup() +
        `<div class="system" id="message-${escapeHtml(m.id)}">${nameHtml(m.author.id, name)} ${
          escapeHtml(what)
        } ${when(m.timestamp, "s")}${
          m.content ? ` <span class="content">${md(m.content)}</span>` : ""
        }</div>`;
    }
    const at = m.timestamp.getTime();
    const continues = last !== null && last.authorId === m.author.id && m.reference === null &&
      m.interaction === null && at - last.at < GROUP_WINDOW_MS && at >= last.at;
    if (!continues) {
      html += closeGroup();
      html += `<div class="group">${above(m)}${avatar(m.author.id, name)}<div class="body">` +
        `<div class="head">${nameHtml(m.author.id, name)}${
          m.author.bot ? `<span class="tag">BOT</span>` : ""
        }${when(m.timestamp, "s")}</div>`;
    }
    last = { authorId: m.author.id, at };
    html += body(m, entry.deletedAt);
    // Rules for images met in this message go just before it.
    return classes.takeStyles() + html;
  };

  const detail = (value: TranscriptOptions["info"]["details"][number][1]): string => {
    if (typeof value === "string") return escapeHtml(value);
    const name = names.users.get(value.userId);
    return name === undefined
      ? escapeHtml(value.userId)
      : `<span title="${escapeHtml(value.userId)}">${nameHtml(value.userId, name)}</span>`;
  };

  return incrementalRenderer({
    begin() {
      const details = options.info.details.map(([label, value]) =>
        `<dt>${escapeHtml(label)}</dt><dd>${detail(value)}</dd>`
      ).join("");
      const title = escapeHtml(options.info.title);
      return `<!DOCTYPE html>\n<html lang="${escapeHtml(tr.locale)}"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${TRANSCRIPT_CSP}">` +
        `<meta name="referrer" content="no-referrer">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title}</title><style>${TRANSCRIPT_STYLE}</style></head><body>` +
        `<header class="info"><h1>${title}</h1><dl>${details}</dl></header><main>\n`;
    },
    message: (entry) => message(entry) + "\n",
    end(count) {
      // Written last, shown first (CSS order), so the page can still stream.
      const nav = count > DAY_LINKS_FROM && days.length > 1
        ? `<nav class="days">${
          days.map((d) => `<a href="#day-${d.id}">${when(d.at, "D")}</a>`).join("")
        }</nav>`
        : "";
      return `${closeGroup()}</main>${nav}<footer>${
        escapeHtml(tr.t("transcript.footer", { count }))
      }</footer><script>${LOCAL_TIME_SCRIPT}</script></body></html>\n`;
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
