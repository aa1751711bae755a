/**
 * Lets tests await a condition without sleeping: every change of the fake (a call, a
 * state change, a gateway event) re-checks the waiting predicates, and so does a
 * short interval, for predicates that also read state outside the fake (the bot's).
 */
export class ChangeWaiter {
  readonly #waiters = new Set<() => void>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #intervals = new Set<ReturnType<typeof setInterval>>();

  /** Re-checks every waiting predicate. */
  notify(): void {
    for (const check of [...this.#waiters]) check();
  }

  /**
   * Resolves with the first truthy value of `predicate`, checked now and after every
   * change; rejects after `timeoutMs` with a message naming `what`.
   */
  waitFor<T>(
    predicate: () => T | undefined | null | false,
    timeoutMs: number,
    what = "the expected event",
    recheckMs = 20,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const ticker = setInterval(() => check(), recheckMs);
      this.#intervals.add(ticker);
      const done = () => {
        this.#waiters.delete(check);
        clearTimeout(timer);
        clearInterval(ticker);
        this.#intervals.delete(ticker);
        if (timer !== undefined) this.#timers.delete(timer);
      };
      const check = () => {
        let value: T | undefined | null | false;
        try {
          value = predicate();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined && value !== null && value !== false) {
          done();
          resolve(value);
        }
      };
      timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#timers.add(timer);
      this.#waiters.add(check);
      check();
    });
  }

  /** Stops every pending wait (used when the fake closes). */
  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const ticker of this.#intervals) clearInterval(ticker);
    this.#intervals.clear();
    this.#waiters.clear();
  }
}
