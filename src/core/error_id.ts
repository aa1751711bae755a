/** A short random id that ties a member's apology to the log line of the failure. */
import { encodeHex } from "../lib/hex.ts";

/** Eight random hex digits. */
export function newErrorId(): string {
  return encodeHex(crypto.getRandomValues(new Uint8Array(4)));
}
