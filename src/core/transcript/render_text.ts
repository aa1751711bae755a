/**
 * The plain-text transcript: one line per message with its time, author and
 * content (mentions resolved to names), indented lines for replies,
 * attachments, embeds, forwarded copies, Components V2 text, commands used,
 * stickers, reactions, edits and deletions. Incremental
 * like the HTML renderer.
 */
import { timeFormat } from "./format_time.ts";
import { incrementalRenderer, knownNames, renderWhole } from "./incremental_renderer.ts";
import { type EmbedView, readMessage, rememberNames } from "./message_view.ts";
import { plainMentions } from "./plain_mentions.ts";
import type { TranscriptMessage, TranscriptOptions, TranscriptRenderer } from "./types.ts";
import { DEFAULT_LOCALE } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";

const RULE = "-".repeat(60);

/** The bracketed words that say what an indented line is. */
type TagKey =
  | "transcript.tag_forwarded"
  | "transcript.tag_forwarded_attachment"
  | "transcript.tag_forwarded_embed"
  | "transcript.tag_attachment"
  | "transcript.tag_embed"
  | "transcript.tag_sticker"
  | "transcript.tag_reactions";

function embedText(e: EmbedView): string {
  return [
    e.authorName,
    e.title,
    e.description,
    ...e.fields.map((f) => `${f.name}: ${f.value}`),
    e.footerText,
  ].filter((part): part is string => part !== null && part !== "").join("\n");
}

function indent(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").join("\n    ");
}

/** An incremental text transcript renderer: `begin()`, `render()` per page, `end()`. */
export function createTextRenderer(options: TranscriptOptions): TranscriptRenderer {
  const names = knownNames(options);
  const tr = translator(options.locale ?? DEFAULT_LOCALE);
  const time = timeFormat(tr.locale);
  const stamp = (date: Date) => time.stamp(date, { seconds: true });
  const plain = (text: string) => plainMentions(text, names, { time });
  const tag = (key: TagKey) => `[${tr.t(key)}]`;
  const size = (bytes: number) => tr.t("transcript.bytes", { size: bytes });
  const stored = options.storedAttachments ?? new Set<string>();

  const message = (entry: TranscriptMessage): string => {
    const m = readMessage(entry.raw);
    const name = rememberNames(names.users, m);
    const lines: string[] = [];
    lines.push(
      `[${stamp(m.timestamp)}] ${name}${m.author.bot ? " [BOT]" : ""} (${m.author.id}): ${
        indent(plain(m.content))
      }`,
    );
    if (m.interaction !== null) {
      const who = m.interaction.user;
      const user = who === null
        ? tr.t("transcript.someone")
        : names.users.get(who.id) ?? who.displayName;
      const what = m.interaction.command === null
        ? tr.t("transcript.used_command")
        : tr.t("transcript.used_named_command", { command: `/${m.interaction.command}` });
      lines.push(`    \u21AA ${user} ${what}`);
    }
    for (const text of m.componentText) lines.push(`    ${indent(plain(text))}`);
    for (const snapshot of m.snapshots) {
      const forwarded = [snapshot.content, ...snapshot.componentText].filter((t) => t !== "");
      lines.push(`    ${tag("transcript.tag_forwarded")} ${indent(plain(forwarded.join("\n")))}`);
      for (const a of snapshot.attachments) {
        lines.push(
          `    ${tag("transcript.tag_forwarded_attachment")} ${a.filename} (${
            size(a.size)
          }) ${a.url}`,
        );
      }
      for (const e of snapshot.embeds) {
        lines.push(`    ${tag("transcript.tag_forwarded_embed")} ${indent(plain(embedText(e)))}`);
      }
    }
    if (m.reference?.kind === "deleted") {
      lines.push(`    \u21AA ${tr.t("transcript.reply_to_deleted")}`);
    }
    if (m.reference?.kind === "message") {
      const snippet = plain(m.reference.content).slice(0, 120).replace(/\s+/g, " ");
      const to = m.reference.author?.displayName ?? tr.t("transcript.unknown_user");
      lines.push(`    \u21AA ${tr.t("transcript.reply_to", { name: to })}: ${snippet}`);
    }
    for (const a of m.attachments) {
      lines.push(
        `    ${tag("transcript.tag_attachment")} ${a.filename} (${size(a.size)}) ${a.url}${
          stored.has(a.id) ? ` (${tr.t("transcript.copy_stored")})` : ""
        }`,
      );
    }
    for (const e of m.embeds) {
      lines.push(`    ${tag("transcript.tag_embed")} ${indent(plain(embedText(e)))}`);
    }
    for (const sticker of m.stickers) lines.push(`    ${tag("transcript.tag_sticker")} ${sticker}`);
    if (m.reactions.length > 0) {
      lines.push(
        `    ${tag("transcript.tag_reactions")} ${
          m.reactions.map((r) => `${r.emoji} ${r.count}`).join("  ")
        }`,
      );
    }
    if (m.editedAt) {
      lines.push(`    (${tr.t("transcript.edited_at", { time: stamp(m.editedAt) })})`);
    }
    if (entry.deletedAt) {
      lines.push(`    (${tr.t("transcript.deleted_at", { time: stamp(entry.deletedAt) })})`);
    }
    return lines.join("\n") + "\n";
  };

  return incrementalRenderer({
    begin() {
      const details = options.info.details.map(([label, value]) => {
        if (typeof value === "string") return `${label}: ${value}`;
        const name = names.users.get(value.userId);
        return `${label}: ${name === undefined ? value.userId : `${name} (${value.userId})`}`;
      });
      return [options.info.title, ...details, RULE, ""].join("\n");
    },
    message,
    end: (count) => `${RULE}\n${tr.t("transcript.message_count", { count })}\n`,
  });
}

/** Renders a whole text transcript at once (small tickets, tests). */
export function renderText(
  messages: readonly TranscriptMessage[],
  options: TranscriptOptions,
): string {
  return renderWhole(createTextRenderer(options), messages);
}
