/**
 * Database work of the gateway's message events, one piece after another: a
 * burst of messages in a ticket would otherwise queue thousands of waiters on
 * the database connection's lock, each woken on every release.
 *
 * A read may be shared: while a read under the same key waits for its turn, a
 * new one joins it instead of queueing another. The shared read has not started
 * when anyone joins, so each caller gets an answer read after it asked: in a
 * burst of messages in one channel, the channel is looked up once per turn
 * instead of once per message.
 */

/** Work in turn, and reads shared while queued. */
export interface Turns {
  /** Runs `work` once everything queued before it has settled. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Like `run`, but joins a read under `key` that is queued and has not started. */
  shared<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** An empty line of work. */
export function createTurns(): Turns {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = new Map<string, Promise<unknown>>();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => {});
    return next;
  };
  return {
    run,
    shared<T>(key: string, read: () => Promise<T>): Promise<T> {
      const waiting = queued.get(key);
      if (waiting !== undefined) return waiting as Promise<T>;
      const next = run(() => {
        // From here on the read is under way: later callers queue their own.
        queued.delete(key);
        return read();
      });
      queued.set(key, next);
      return next;
    },
  };
}
