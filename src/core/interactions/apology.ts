/**
 * The one answer to a failure on our side: a fresh error id, logged once with
 * the failure, and an apology that gives the member the same id for staff.
 */
import type { HandlerContext } from "../context.ts";
import { apologyText, type Refusal, refuse } from "../refusal.ts";
import type { Locale } from "../../i18n/locale.ts";

/** What to log about the failure. */
export interface ApologyOptions {
  error: unknown;
  /** Names the interaction in the log (never its token). */
  where: Record<string, unknown> & { name: string };
  /** The reader's language (default English). */
  locale?: Locale;
}

/** Logs `error` under a new error id and returns the apology that quotes it. */
export function apologize(
  ctx: Pick<HandlerContext, "ids" | "log">,
  options: ApologyOptions,
): Refusal {
  const errorId = ctx.ids.errorId();
  ctx.log.error("Interaction {name} failed; error id {errorId}", {
    ...options.where,
    errorId,
    error: options.error,
  });
  return refuse(
    "internal_error",
    apologyText(errorId, options.locale ? { locale: options.locale } : {}),
  );
}
