/** The error a `LockStore` throws when a lock stays taken for the whole wait. */

/** The lock was still held by someone else after waiting `waitMs`. */
export class LockTimeoutError extends Error {
  readonly key: string;
  constructor(key: string, waitMs: number) {
    super(`Cannot take lock ${key}: another process held it for the whole ${waitMs} ms wait`);
    this.name = "LockTimeoutError";
    this.key = key;
  }
}
