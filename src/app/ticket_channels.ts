/**
 * Which channels hold a ticket, kept in memory so that a message in an ordinary
 * channel (nearly all of them) costs no database lookup. The set stays correct
 * across processes sharing a database without trusting any one of them:
 *
 * - it is loaded from the database at start, on every new gateway session
 *   (READY: channel creations may have been missed) and every minute;
 * - a channel created since (`CHANNEL_CREATE`, which Discord sends before any
 *   message in it) is watched for 10 minutes: its messages are looked up, so a
 *   ticket another process opens there is found at once;
 * - for 2 minutes after a new session every message is looked up, until the
 *   reload that follows it has caught tickets opened while it connected.
 *
 * A member of the set is only a hint: the database has the last word on the
 * ticket and its status, and a channel whose ticket closed leaves the set.
 */
import type { Clock, TicketStore } from "../core/ports.ts";

/** How long a newly created channel is looked up on every message. */
export const WATCH_NEW_CHANNEL_MS = 10 * 60_000;
/** How long after a new gateway session every message is looked up. */
export const LOOK_UP_ALL_AFTER_SESSION_MS = 2 * 60_000;

/** The channels whose messages deserve a database lookup. */
export interface TicketChannels {
  /** True when a message in `channelId` may belong to a ticket. */
  mayHold(channelId: string): boolean;
  /** Marks `channelId` as a ticket's (found by a lookup). */
  add(channelId: string): void;
  /** Drops `channelId` from the known ticket channels (its lookup found no open ticket). */
  remove(channelId: string): void;
  /** Forgets `channelId` altogether (it was deleted). */
  deleted(channelId: string): void;
  /** A channel was created: watch it for a while. */
  created(channelId: string): void;
  /** A gateway session began: look up everything until the set is reloaded and settled. */
  sessionStarted(): void;
  /** Reads the set from the database again (resolves once loaded). */
  reload(): Promise<void>;
}

/** A ticket channel set over `tickets`; call `reload()` once before trusting it. */
export function createTicketChannels(
  tickets: Pick<TicketStore, "withStatus">,
  clock: Clock,
): TicketChannels {
  let known = new Set<string>();
  let loaded = false;
  const watched = new Map<string, number>();
  let lookUpAllUntil = 0;
  const now = () => clock.now().getTime();

  return {
    mayHold(channelId) {
      if (!loaded || known.has(channelId) || now() < lookUpAllUntil) return true;
      const until = watched.get(channelId);
      if (until === undefined) return false;
      if (now() < until) return true;
      watched.delete(channelId);
      return false;
    },
    add(channelId) {
      known.add(channelId);
    },
    remove(channelId) {
      // A watched channel stays watched: its ticket row may not name it yet.
      known.delete(channelId);
    },
    deleted(channelId) {
      known.delete(channelId);
      watched.delete(channelId);
    },
    created(channelId) {
      watched.set(channelId, now() + WATCH_NEW_CHANNEL_MS);
    },
    sessionStarted() {
      lookUpAllUntil = now() + LOOK_UP_ALL_AFTER_SESSION_MS;
    },
    async reload() {
      const open = await tickets.withStatus(["open", "closing"]);
      const next = new Set<string>();
      for (const ticket of open) {
        if (ticket.channelId !== null) next.add(ticket.channelId);
        if (ticket.notesThreadId) next.add(ticket.notesThreadId);
      }
      known = next;
      loaded = true;
      // Expired watches are dropped here, so the map stays as small as recent creations.
      for (const [id, until] of watched) if (until <= now()) watched.delete(id);
    },
  };
}
