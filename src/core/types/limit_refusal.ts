/** What a member reads when a type's total cap or cooldown refuses their ticket. */
import type { InteractionInput } from "../interaction.ts";
import type { OpenLimitOutcome } from "../model.ts";
import { readerText } from "../language.ts";
import { type Refusal, refuse } from "../refusal.ts";

/** A Discord timestamp the reader's client shows in their own time (`in 2 hours`). */
export function relativeTime(at: Date): string {
  return `<t:${Math.ceil(at.getTime() / 1000)}:R>`;
}

/** The refusal of a total cap or cooldown, saying which limit and when to try again. */
export function openLimitRefusal(
  outcome: Exclude<OpenLimitOutcome, { kind: "limit_reached" }>,
  input: Pick<InteractionInput, "locale">,
): Refusal {
  const tr = readerText(input);
  return outcome.kind === "cap_reached"
    ? refuse("ticket_cap", tr.t("types.cap_reached", { cap: outcome.cap }))
    : refuse("cooldown", tr.t("types.cooling_down", { at: relativeTime(outcome.retryAt) }));
}
