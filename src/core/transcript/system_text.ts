/** What a system message says after its author's name (pinned, joined, boosted...), in the transcript's language. */
import type { Translator } from "../../i18n/translator.ts";

type SystemKey =
  | "transcript.system_pinned"
  | "transcript.system_joined"
  | "transcript.system_boosted"
  | "transcript.system_thread";

/** Discord's message types that have words of their own. */
const SYSTEM_TEXT: Readonly<Record<number, SystemKey>> = {
  6: "transcript.system_pinned",
  7: "transcript.system_joined",
  8: "transcript.system_boosted",
  18: "transcript.system_thread",
};

/** The words of a system message of Discord's `type` (others name their type). */
export function systemText(type: number, tr: Translator): string {
  const key = SYSTEM_TEXT[type];
  return key === undefined ? tr.t("transcript.system_other", { type }) : tr.t(key);
}
