/** What the HTML and text renderers share: counting messages as pages go by. */
import type {
  MentionNames,
  RoleLabel,
  TranscriptMessage,
  TranscriptOptions,
  TranscriptRenderer,
} from "./types.ts";

/** The parts of a transcript one format writes. */
export interface RendererParts {
  begin(): string;
  /** One message, with the line end that follows it. */
  message(entry: TranscriptMessage): string;
  /** What closes a transcript of `count` messages. */
  end(count: number): string;
}

/** A `TranscriptRenderer` that writes `parts` and counts the messages rendered. */
export function incrementalRenderer(parts: RendererParts): TranscriptRenderer {
  let count = 0;
  return {
    get count() {
      return count;
    },
    begin: () => parts.begin(),
    render(messages) {
      let out = "";
      for (const entry of messages) {
        out += parts.message(entry);
        count++;
      }
      return out;
    },
    end: () => parts.end(count),
  };
}

/** The names mentions resolve to, starting from those `options` gives; users fill in as met. */
export function knownNames(
  options: TranscriptOptions,
): MentionNames & { users: Map<string, string> } {
  return {
    users: new Map<string, string>(options.names?.users ?? []),
    roles: new Map<string, RoleLabel>(options.names?.roles ?? []),
    channels: new Map<string, string>(options.names?.channels ?? []),
  };
}

/** A whole transcript at once: every message, then `begin()` put first (it names users met), `end()`. */
export function renderWhole(
  renderer: TranscriptRenderer,
  messages: readonly TranscriptMessage[],
): string {
  const body = renderer.render(messages);
  return renderer.begin() + body + renderer.end();
}
