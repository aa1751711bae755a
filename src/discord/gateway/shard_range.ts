/** A process's range of gateway shards, as `SHARDS=FIRST-LAST/TOTAL` gives it. */

/** Shards `first`...`last` (inclusive) of `total`, from `SHARDS=FIRST-LAST/TOTAL`. */
export interface ShardRange {
  first: number;
  last: number;
  total: number;
}

/** Discord's ceiling on shards for one bot is far below this; it only keeps numbers sane. */
const MAX_SHARDS = 65_536;

/** `SHARDS=FIRST-LAST/TOTAL` read, or null with the problem added to `problems`. */
export function parseShardRange(text: string, problems: string[]): ShardRange | null {
  const match = /^(\d+)-(\d+)\/(\d+)$/.exec(text);
  if (match === null) {
    problems.push(`SHARDS must look like FIRST-LAST/TOTAL, e.g. 0-3/8 (got "${text}")`);
    return null;
  }
  const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (total < 1 || total > MAX_SHARDS) {
    problems.push(`SHARDS total must be from 1 to ${MAX_SHARDS} (got "${text}")`);
    return null;
  }
  if (first > last) {
    problems.push(`SHARDS first shard must not be after the last one (got "${text}")`);
    return null;
  }
  if (last >= total) {
    problems.push(
      `SHARDS last shard must be below the total: shards are numbered 0 to ${
        total - 1
      } (got "${text}")`,
    );
    return null;
  }
  return { first, last, total };
}
