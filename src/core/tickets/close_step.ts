/**
 * The steps of a close, in order, and how one step's failure is reported: a
 * `StepFailure` names the step and says, in words the member reads, what failed.
 */
import type { CloseStep } from "../model.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { failureReason } from "../failure_text.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";

/** Every step of a close, in the order they run. */
export const CLOSE_STEPS: readonly CloseStep[] = [
  "requested",
  "history_fetched",
  "transcript_stored",
  "log_posted",
  "dm_sent",
  "channel_deleted",
];

/** What the member reads, in `locale`, when a step fails for a reason of ours. */
export function ourSide(locale: Locale): string {
  return translator(locale).t("close.reason.our_side");
}

/** A step failed: `reason` is what the member reads. */
export class StepFailure extends Error {
  /** `step` failed for `reason`; `error` is what was thrown, for the log. */
  constructor(readonly step: CloseStep, readonly reason: string, readonly error: unknown) {
    super(reason);
  }
}

/** Runs `work` as step `name`; a Discord failure becomes words about `where`, in `locale`. */
export async function runStep<T>(
  step: { name: CloseStep; where: string; locale: Locale },
  work: () => Promise<T>,
): Promise<T> {
  const { name, where, locale } = step;
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    const reason = error instanceof DiscordRequestError
      ? failureReason(error.failure, where, { locale })
      : null;
    throw new StepFailure(name, reason ?? ourSide(locale), error);
  }
}
