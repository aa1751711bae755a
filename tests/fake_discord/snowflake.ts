/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
const DISCORD_EPOCH = 1420070400000n;

/** Makes strictly increasing snowflakes whose timestamps are the current time. */
export class SnowflakeSource {
  #last = 0n;

  /** A new snowflake, greater than every one made before by this source. */
  next(): string {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    if (id <= this.#last) id = this.#last + 1n;
    this.#last = id;
    return id.toString();
  }

  /**
   * A new snowflake at least one millisecond after the previous one, so that ids
   * made in a burst still spread over shards (`(id >> 22) % shards`), as guilds do.
   */
  nextSpread(): string {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    const floor = ((this.#last >> 22n) + 1n) << 22n;
    if (id < floor) id = floor;
    this.#last = id;
    return id.toString();
  }
}

/** The creation time encoded in a snowflake. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** Compares two snowflakes numerically (for sorting). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
