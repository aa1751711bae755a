/** The filters of `/ticket list`: which open tickets the queue shows. */

/** `all` open tickets, `mine` (claimed by the reader), `unclaimed`, or by who they wait for. */
export type QueueFilter = "all" | "mine" | "unclaimed" | "waiting-staff" | "waiting-member";

/** Every filter, in the order the command offers them. */
export const QUEUE_FILTERS: readonly QueueFilter[] = [
  "all",
  "mine",
  "unclaimed",
  "waiting-staff",
  "waiting-member",
];
