/** The program's version, from deno.json (embedded by `deno compile`). */
import manifest from "../deno.json" with { type: "json" };

export const VERSION: string = manifest.version;
