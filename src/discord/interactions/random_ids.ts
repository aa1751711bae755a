/** The real id source: error ids from the platform's cryptographic random numbers. */
import type { IdSource } from "../../core/ports.ts";
import { encodeHex } from "../../lib/hex.ts";

/** Error ids of eight random hex digits. */
export function randomIds(): IdSource {
  return { errorId: () => encodeHex(crypto.getRandomValues(new Uint8Array(4))) };
}
