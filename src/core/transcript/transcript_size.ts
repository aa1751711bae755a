/** File sizes as transcripts print them: bytes, kB or MB in the transcript's language. */
import type { Translator } from "../../i18n/translator.ts";

/** `bytes` in the largest unit under which it is at least 1 (`512 bytes`, `1.5 kB`, `2,3 MB`). */
export function transcriptSize(bytes: number, tr: Translator): string {
  if (bytes < 1024) return tr.t("transcript.bytes", { size: bytes });
  const [unit, value] = bytes < 1024 * 1024
    ? ["kilobyte", bytes / 1024]
    : ["megabyte", bytes / 1024 / 1024];
  return new Intl.NumberFormat(tr.locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}
