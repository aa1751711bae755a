/** The short list an import shows before it is applied: one line per change, in the reader's words. */
import type { Translator } from "../../i18n/translator.ts";
import type { ConfigChange, ConfigNote } from "./plan_config.ts";

/** Longest rendering of a value in a change line. */
const VALUE_LENGTH = 60;

function shown(value: unknown): string {
  const text = value === undefined ? "null" : JSON.stringify(value);
  return text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 1)}\u2026` : text;
}

/** One line per change and note. */
export function describeChanges(
  tr: Translator,
  changes: readonly ConfigChange[],
  notes: readonly ConfigNote[],
): string[] {
  const lines = changes.map((change) => {
    switch (change.kind) {
      case "set":
        return tr.t("config_file.change_set", {
          path: change.path,
          before: shown(change.before),
          after: shown(change.after),
        });
      case "type_added":
        return tr.t("config_file.type_added", { name: change.name });
      case "type_removed":
        return tr.t("config_file.type_removed", { name: change.name });
      case "tag_added":
        return tr.t("config_file.tag_added", { name: change.name });
      case "tag_changed":
        return tr.t("config_file.tag_changed", { name: change.name });
      case "tag_removed":
        return tr.t("config_file.tag_removed", { name: change.name });
    }
  });
  return [
    ...lines,
    ...notes.map((note) =>
      tr.t("config_file.panel_kept", { channel: note.channelId, message: note.messageId })
    ),
  ];
}

/** `lines` as a list that fits in `max` characters, the rest counted. */
export function fitLines(tr: Translator, lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = tr.t("config_file.more", { count: lines.length - i });
    if (length + line.length + 3 + more.length + 3 > max) {
      kept.push(more);
      break;
    }
    kept.push(`- ${line}`);
    length += line.length + 3;
  }
  return kept.join("\n");
}
