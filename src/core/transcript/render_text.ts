/**
 * The plain-text transcript: one line per message with its time, author and
 * content (mentions resolved to names), indented lines for replies,
 * attachments, embeds, forwarded copies, Components V2 text, commands used,
 * stickers, reactions, edits and deletions. Incremental
 * like the HTML renderer.
 */
import { formatTime } from "./format_time.ts";
import { incrementalRenderer, knownNames, renderWhole } from "./incremental_renderer.ts";
import { type EmbedView, readMessage, rememberNames } from "./message_view.ts";
import { plainMentions } from "./plain_mentions.ts";
import type { TranscriptMessage, TranscriptOptions, TranscriptRenderer } from "./types.ts";

const RULE = "-".repeat(60);

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
  const stored = options.storedAttachments ?? new Set<string>();

  const message = (entry: TranscriptMessage): string => {
    const m = readMessage(entry.raw);
    const name = rememberNames(names.users, m);
    const lines: string[] = [];
    lines.push(
      `[${formatTime(m.timestamp, { seconds: true })}] ${name}${
        m.author.bot ? " [BOT]" : ""
      } (${m.author.id}): ${indent(plainMentions(m.content, names))}`,
    );
    if (m.interaction !== null) {
      const who = m.interaction.user;
      const user = who === null ? "Someone" : names.users.get(who.id) ?? who.displayName;
      lines.push(
        `    ↪ ${user} used ${
          m.interaction.command === null ? "a command" : `/${m.interaction.command}`
        }`,
      );
    }
    for (const text of m.componentText) lines.push(`    ${indent(plainMentions(text, names))}`);
    for (const snapshot of m.snapshots) {
      const forwarded = [snapshot.content, ...snapshot.componentText].filter((t) => t !== "");
      lines.push(`    [forwarded] ${indent(plainMentions(forwarded.join("\n"), names))}`);
      for (const a of snapshot.attachments) {
        lines.push(`    [forwarded attachment] ${a.filename} (${a.size} bytes) ${a.url}`);
      }
      for (const e of snapshot.embeds) {
        lines.push(`    [forwarded embed] ${indent(plainMentions(embedText(e), names))}`);
      }
    }
    if (m.reference?.kind === "deleted") lines.push("    ↪ reply to a deleted message");
    if (m.reference?.kind === "message") {
      const snippet = plainMentions(m.reference.content, names).slice(0, 120).replace(/\s+/g, " ");
      lines.push(`    ↪ reply to ${m.reference.author?.displayName ?? "unknown"}: ${snippet}`);
    }
    for (const a of m.attachments) {
      lines.push(
        `    [attachment] ${a.filename} (${a.size} bytes) ${a.url}${
          stored.has(a.id) ? " (copy stored)" : ""
        }`,
      );
    }
    for (const e of m.embeds) {
      lines.push(`    [embed] ${indent(plainMentions(embedText(e), names))}`);
    }
    for (const sticker of m.stickers) lines.push(`    [sticker] ${sticker}`);
    if (m.reactions.length > 0) {
      lines.push(`    [reactions] ${m.reactions.map((r) => `${r.emoji} ${r.count}`).join("  ")}`);
    }
    if (m.editedAt) lines.push(`    (edited ${formatTime(m.editedAt, { seconds: true })})`);
    if (entry.deletedAt) {
      lines.push(`    (deleted ${formatTime(entry.deletedAt, { seconds: true })})`);
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
    end: (count) => `${RULE}\n${count} message${count === 1 ? "" : "s"}\n`,
  });
}

/** Renders a whole text transcript at once (small tickets, tests). */
export function renderText(
  messages: readonly TranscriptMessage[],
  options: TranscriptOptions,
): string {
  return renderWhole(createTextRenderer(options), messages);
}
