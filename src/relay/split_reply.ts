/**
 * Splits an assistant's answer into Discord-sized messages: on line boundaries
 * when it can, then between words, then anywhere (never inside a surrogate
 * pair). A code fence that a split would cut is closed at the end of one part
 * and reopened, with its language, at the start of the next.
 */

/** Discord's limit on a message's `content`, in UTF-16 code units (conservative). */
export const DISCORD_MESSAGE_LIMIT = 2000;

const FENCE = "```";
const FENCE_CLOSE = "\n```";
const FENCE_LANGUAGE = /^[\w+#.-]{1,20}$/;

interface FenceState {
  open: boolean;
  language: string;
}

/** Where to end a part (`end`) and how many separator characters to drop after it. */
interface Cut {
  end: number;
  skip: number;
}

function findCut(text: string, window: number): Cut {
  const newline = text.lastIndexOf("\n", window);
  const space = Math.max(text.lastIndexOf(" ", window), text.lastIndexOf("\t", window));
  const half = window / 2;
  if (newline >= half) return { end: newline, skip: 1 };
  if (space >= half) return { end: space, skip: 1 };
  if (newline > 0) return { end: newline, skip: 1 };
  if (space > 0) return { end: space, skip: 1 };
  let end = window;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // keep a surrogate pair together
  return { end, skip: 0 };
}

function fenceAfter(chunk: string, state: FenceState): FenceState {
  let { open, language } = state;
  for (const line of chunk.split("\n")) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith(FENCE)) continue;
    if (open) {
      open = false;
      language = "";
    } else {
      open = true;
      const info = trimmed.slice(FENCE.length).trim();
      language = FENCE_LANGUAGE.test(info) ? info : "";
    }
  }
  return { open, language };
}

/**
 * Splits `text` into parts of at most `limit` characters (default 2,000);
 * whitespace-only parts are dropped, so an empty answer gives no parts.
 */
export function splitReply(text: string, limit: number = DISCORD_MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 40) {
    throw new RangeError(`Cannot split a reply into parts of ${limit} characters: use at least 40`);
  }
  const parts: string[] = [];
  const push = (part: string) => {
    if (part.trim() !== "") parts.push(part);
  };
  let rest = text;
  let state: FenceState = { open: false, language: "" };
  for (;;) {
    const reopen = state.open ? `${FENCE}${state.language}\n` : "";
    if (reopen.length + rest.length <= limit) {
      push(reopen + rest);
      return parts;
    }
    const window = limit - reopen.length - FENCE_CLOSE.length;
    const cut = findCut(rest, window);
    const chunk = rest.slice(0, cut.end);
    rest = rest.slice(cut.end + cut.skip);
    state = fenceAfter(chunk, state);
    if (state.open) {
      push(`${reopen}${chunk}${FENCE_CLOSE}`);
    } else {
      push(reopen + chunk);
      rest = rest.replace(/^\n+/, "");
    }
  }
}
