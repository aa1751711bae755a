/**
 * Why a Discord request failed, as a value precise enough to tell the member
 * what to do, and the error that carries it out of the Discord port.
 */

/** Why a Discord request failed, precise enough to tell the member what to do. */
export type DiscordFailure =
  | { kind: "missing_permissions" } // 50013
  | { kind: "missing_access" } // 50001
  | { kind: "unknown_channel" } // 10003
  | { kind: "unknown_member" } // 10007
  | { kind: "unknown_message" } // 10008
  | { kind: "unknown_role" } // 10011
  | { kind: "category_full" } // 50035 on parent_id: max channels in category
  | { kind: "guild_channel_limit" } // 30013
  | { kind: "cannot_dm" } // 50007
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "unavailable"; status: number } // 5xx after retries, network errors
  | { kind: "other"; status: number; code: number | null; message: string };

/** A Discord request that failed; handlers catch it and read `failure`. */
export class DiscordRequestError extends Error {
  readonly failure: DiscordFailure;
  constructor(failure: DiscordFailure, message: string) {
    super(message);
    this.name = "DiscordRequestError";
    this.failure = failure;
  }
}

/** True when `error` is a `DiscordRequestError` whose failure is one of `kinds`. */
export function isDiscordFailure(
  error: unknown,
  ...kinds: DiscordFailure["kind"][]
): error is DiscordRequestError {
  return error instanceof DiscordRequestError && kinds.includes(error.failure.kind);
}
