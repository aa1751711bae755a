/**
 * Who waits on a request: a person (an open, an answer, a welcome message) or
 * nobody in particular (log-channel posts, reconciliation, archive copies,
 * retention). When both wait for the global budget, a person's go first.
 */

/** `person`: someone is waiting on it; `background`: it may wait for them. */
export type RequestPriority = "person" | "background";

/** The key of the priority in the options a request is queued with (`rest.makeRequest`). */
export const PRIORITY_OPTION = "ticketeerPriority";

/** The priority a queued request was made with (`person` unless it says otherwise). */
export function priorityOf(request: { requestBodyOptions?: unknown }): RequestPriority {
  const options = request.requestBodyOptions as Record<string, unknown> | undefined;
  return options?.[PRIORITY_OPTION] === "background" ? "background" : "person";
}
