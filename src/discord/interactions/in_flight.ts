/** The interactions and message work in flight, and the switch that stops new ones at shutdown. */
import { withDeadline } from "../../lib/deadline.ts";

/**
 * Interactions in flight, so graceful shutdown can stop taking new ones
 * (`close()`, then shells check `closed`) and wait for the rest (`drain`).
 */
export class InFlight {
  readonly #pending = new Set<Promise<void>>();
  #closed = false;

  /** True once `close()` was called: shells refuse new interactions. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Stops taking new interactions (those in flight continue). */
  close(): void {
    this.#closed = true;
  }

  /** How many tracked promises have not settled. */
  get size(): number {
    return this.#pending.size;
  }

  /** Tracks `promise` until it settles; returns it unchanged. */
  track<T>(promise: Promise<T>): Promise<T> {
    const entry: Promise<void> = promise.then(() => {}, () => {}).then(() => {
      this.#pending.delete(entry);
    });
    this.#pending.add(entry);
    return promise;
  }

  /** Waits until nothing is in flight or `timeoutMs` passed; true when all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.#pending.size === 0) return true;
    const settled = (async () => {
      while (this.#pending.size > 0) await Promise.all([...this.#pending]);
      return true;
    })();
    return await withDeadline(settled, timeoutMs, () => false);
  }
}
