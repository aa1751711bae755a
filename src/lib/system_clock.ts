/** The clock of the machine, for the composition root; core reads time through `ctx.clock`. */
import type { Clock } from "../core/ports.ts";

/** A clock that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };
