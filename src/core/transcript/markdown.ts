/**
 * A small parser for Discord's markdown that produces escaped HTML. Only the
 * constructs Discord renders are recognised; everything else, and every
 * character of user text, comes out escaped. Links get an `href` only for
 * http/https URLs. Nesting is bounded, so hostile input cannot blow the stack.
 */
import { cssColor } from "./color.ts";
import { escapeHtml, safeHttpUrl } from "./escape.ts";
import { timeElement, type TimeStyle } from "./discord_timestamp.ts";
import { type TimeFormat, timeFormat } from "./format_time.ts";
import type { MentionNames } from "./types.ts";

/** How deep formatting may nest before the rest is shown as plain text. */
const MAX_DEPTH = 8;

/** Gives the class that shows a stored custom emoji, or null to show `:name:`. */
export type EmojiClass = (id: string, name: string) => string | null;

interface State {
  names: MentionNames;
  emoji: EmojiClass | null;
  depth: number;
  inLink: boolean;
  quotes: boolean;
  /** How timestamps read: the transcript's language. */
  time: TimeFormat;
}

type Rule = {
  re: RegExp;
  html: (m: RegExpExecArray, state: State) => string | null;
};

const EMPTY_NAMES: MentionNames = { users: new Map(), roles: new Map(), channels: new Map() };

function text(source: string): string {
  return escapeHtml(source).replace(/\n/g, "<br>");
}

function nested(source: string, state: State, patch: Partial<State> = {}): string {
  return inline(source, { ...state, ...patch, depth: state.depth + 1 });
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${label}</a>`;
}

function codeBlock(body: string, language: string | undefined): string {
  const trimmed = body.replace(/^\n+/, "").replace(/\n+$/, "");
  const cls = language === undefined ? "" : ` class="language-${escapeHtml(language)}"`;
  return `<pre class="code"><code${cls}>${escapeHtml(trimmed)}</code></pre>`;
}

const CODE_BLOCK = /```(?:([A-Za-z0-9_+\-.#]{1,32})\n)?([\s\S]*?[^`][\s\S]*?)```/y;

const INLINE_RULES: Rule[] = [
  { re: /\\([^0-9A-Za-z\s])/y, html: (m) => escapeHtml(m[1] ?? "") },
  { re: CODE_BLOCK, html: (m) => codeBlock(m[2] ?? "", m[1]) },
  {
    re: /(`{1,2})([^`]|[^`][\s\S]*?[^`])\1(?!`)/y,
    html: (m) => `<code>${escapeHtml((m[2] ?? "").replace(/^ (.*) $/s, "$1"))}</code>`,
  },
  {
    re: /<@!?([0-9]{1,20})>/y,
    html: (m, s) => {
      const name = s.names.users.get(m[1] ?? "");
      return `<span class="mention">@${escapeHtml(name ?? m[1] ?? "")}</span>`;
    },
  },
  {
    re: /<@&([0-9]{1,20})>/y,
    html: (m, s) => {
      const role = s.names.roles.get(m[1] ?? "");
      const color = cssColor(role?.color);
      const style = color === null ? "" : ` style="color:${color}"`;
      return `<span class="mention role"${style}>@${escapeHtml(role?.name ?? m[1] ?? "")}</span>`;
    },
  },
  {
    re: /<#([0-9]{1,20})>/y,
    html: (m, s) => {
      const name = s.names.channels.get(m[1] ?? "");
      return `<span class="mention">#${escapeHtml(name ?? m[1] ?? "")}</span>`;
    },
  },
  {
    re: /<\/([-_\p{L}\p{N} ]{1,100}):([0-9]{1,20})>/uy,
    html: (m) => `<span class="mention">/${escapeHtml(m[1] ?? "")}</span>`,
  },
  {
    re: /<a?:([A-Za-z0-9_]{1,32}):([0-9]{1,20})>/y,
    html: (m, s) => {
      const label = `:${escapeHtml(m[1] ?? "")}:`;
      const cls = s.emoji?.(m[2] ?? "", m[1] ?? "") ?? null;
      // The name stays as text (for search and copying); CSS shows the image over it.
      return cls === null
        ? `<span class="emoji">${label}</span>`
        : `<span class="emoji img ${cls}" title="${label}">${label}</span>`;
    },
  },
  {
    re: /<t:(-?[0-9]{1,13})(?::([tTdDfFR]))?>/y,
    html: (m, s) => {
      const date = new Date(Number(m[1]) * 1000);
      if (Number.isNaN(date.getTime())) return null;
      return timeElement(date, (m[2] ?? "f") as TimeStyle, { className: "stamp", format: s.time });
    },
  },
  {
    re: /<(https?:\/\/[^\s>]+)>/y,
    html: (m, s) => {
      const href = safeHttpUrl(m[1] ?? "");
      if (href === null || s.inLink) return null;
      return link(href, text(m[1] ?? ""));
    },
  },
  {
    re: /\[([^\[\]]{1,1000})\]\(\s*<?([^\s()<>]{1,2048})>?\s*\)/y,
    html: (m, s) => {
      const href = safeHttpUrl(m[2] ?? "");
      if (href === null || s.inLink) return null;
      return link(href, nested(m[1] ?? "", s, { inLink: true }));
    },
  },
  {
    re: /https?:\/\/[^\s<\[\]]+[^<.,:;"')\]\s]/y,
    html: (m, s) => {
      const href = safeHttpUrl(m[0]);
      if (href === null || s.inLink) return null;
      return link(href, text(m[0]));
    },
  },
  {
    re: /\*\*([\s\S]+?)\*\*(?!\*)/y,
    html: (m, s) => `<strong>${nested(m[1] ?? "", s)}</strong>`,
  },
  { re: /__([\s\S]+?)__(?!_)/y, html: (m, s) => `<u>${nested(m[1] ?? "", s)}</u>` },
  {
    re:
      /\b_((?:__|\\[\s\S]|[^\\_])+?)_\b|\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y,
    html: (m, s) => `<em>${nested(m[1] ?? m[2] ?? "", s)}</em>`,
  },
  { re: /~~([\s\S]+?)~~/y, html: (m, s) => `<s>${nested(m[1] ?? "", s)}</s>` },
  {
    re: /\|\|([\s\S]+?)\|\|/y,
    html: (m, s) => `<span class="spoiler" tabindex="0">${nested(m[1] ?? "", s)}</span>`,
  },
  {
    re: /@(everyone|here)\b/y,
    html: (m) => `<span class="mention">@${m[1]}</span>`,
  },
  { re: /\n/y, html: () => "<br>" },
];

/** Plain text up to the next character that could start a construct. */
const TEXT = /[\s\S](?:[^\\`<\[*_~|@\nh]|h(?!ttps?:\/\/))*/y;

function inline(source: string, state: State): string {
  if (state.depth > MAX_DEPTH) return text(source);
  let out = "";
  let i = 0;
  outer: while (i < source.length) {
    for (const rule of INLINE_RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(source);
      if (m === null || m[0].length === 0) continue;
      const html = rule.html(m, state);
      if (html === null) continue;
      out += html;
      i += m[0].length;
      continue outer;
    }
    TEXT.lastIndex = i;
    const m = TEXT.exec(source);
    const chunk = m?.[0] ?? source.charAt(i);
    out += text(chunk);
    i += chunk.length;
  }
  return out;
}

const HEADER = /(#{1,3}) +([^\n]+)(?:\n|$)/y;
const SUBTEXT = /-# +([^\n]+)(?:\n|$)/y;
const LIST_ITEM = /[ \t]*([-*]|[0-9]{1,9}\.) +([^\n]+)(?:\n|$)/y;

function blocks(source: string, state: State): string {
  if (state.depth > MAX_DEPTH) return text(source);
  let out = "";
  let pending = "";
  const flush = () => {
    if (pending !== "") out += inline(pending, state);
    pending = "";
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    if (source.startsWith("```", i)) {
      CODE_BLOCK.lastIndex = i;
      const m = CODE_BLOCK.exec(source);
      if (m !== null) {
        flush();
        out += codeBlock(m[2] ?? "", m[1]);
        i += m[0].length;
        if (source[i] === "\n") i++;
        continue;
      }
    }
    if (i === 0 || source[i - 1] === "\n") {
      const inner = { ...state, quotes: false, depth: state.depth + 1 };
      if (state.quotes && source.startsWith(">>> ", i)) {
        flush();
        out += `<blockquote>${blocks(source.slice(i + 4), inner)}</blockquote>`;
        break;
      }
      if (state.quotes && source.startsWith("> ", i)) {
        flush();
        const lines: string[] = [];
        while (i < n && source.startsWith("> ", i)) {
          const end = source.indexOf("\n", i);
          const stop = end === -1 ? n : end;
          lines.push(source.slice(i + 2, stop));
          i = end === -1 ? n : end + 1;
        }
        out += `<blockquote>${blocks(lines.join("\n"), inner)}</blockquote>`;
        continue;
      }
      HEADER.lastIndex = i;
      const header = HEADER.exec(source);
      if (header !== null) {
        flush();
        const level = header[1]?.length ?? 1;
        out += `<h${level} class="md">${nested(header[2] ?? "", state)}</h${level}>`;
        i += header[0].length;
        continue;
      }
      SUBTEXT.lastIndex = i;
      const subtext = SUBTEXT.exec(source);
      if (subtext !== null) {
        flush();
        out += `<small class="subtext">${nested(subtext[1] ?? "", state)}</small><br>`;
        i += subtext[0].length;
        continue;
      }
      LIST_ITEM.lastIndex = i;
      let item = LIST_ITEM.exec(source);
      if (item !== null) {
        flush();
        const ordered = /[0-9]/.test(item[1] ?? "");
        const start = ordered ? Number.parseInt(item[1] ?? "1", 10) : 1;
        let items = "";
        while (item !== null && /[0-9]/.test(item[1] ?? "") === ordered) {
          items += `<li>${nested(item[2] ?? "", state)}</li>`;
          i += item[0].length;
          LIST_ITEM.lastIndex = i;
          item = i < n ? LIST_ITEM.exec(source) : null;
        }
        out += ordered
          ? `<ol${start === 1 ? "" : ` start="${start}"`}>${items}</ol>`
          : `<ul>${items}</ul>`;
        continue;
      }
    }
    const newline = source.indexOf("\n", i);
    let end = newline === -1 ? n : newline + 1;
    const fence = source.indexOf("```", source.startsWith("```", i) ? i + 3 : i);
    if (fence !== -1 && fence < end && fence > i) end = fence;
    pending += source.slice(i, end);
    i = end;
  }
  flush();
  return out;
}

/**
 * Renders Discord markdown as escaped HTML; `inline` skips block constructs (embed
 * titles); timestamps read in `time`'s language (default English).
 */
export function renderMarkdown(
  source: string,
  names: MentionNames = EMPTY_NAMES,
  options: { inline?: boolean; emoji?: EmojiClass; time?: TimeFormat } = {},
): string {
  const state: State = {
    names,
    emoji: options.emoji ?? null,
    depth: 0,
    inLink: false,
    quotes: true,
    time: options.time ?? timeFormat(),
  };
  return options.inline ? inline(source, state) : blocks(source, state);
}
