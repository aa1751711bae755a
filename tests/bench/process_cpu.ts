/** CPU time of a process from `/proc/<pid>/stat` (user and system, all threads). */

/** Linux's USER_HZ is 100: the figures move in steps of 10 ms. */
export const TICK_MS = 10;

/** Milliseconds of CPU process `pid` has used so far. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
