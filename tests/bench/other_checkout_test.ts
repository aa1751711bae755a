import assert from "node:assert/strict";
import { denoTasks } from "../fixtures/build_files.ts";
import { parseStartCommand } from "./other_checkout.ts";

Deno.test("another checkout starts as its start task says: variables, flags, entry point", () => {
  const ours = parseStartCommand("/work/ticketeer", denoTasks().start?.command ?? "");
  assert.equal(ours.entry, "/work/ticketeer/dist/bundle/main.js");
  assert.deepEqual(ours.env, { DENO_NO_UPDATE_CHECK: "1" });
  assert.ok(ours.flags.includes("--allow-net"), ours.flags.join(" "));
  assert.ok(ours.flags.every((flag) => flag.startsWith("-")));

  const first = parseStartCommand(
    "/tmp/first",
    "deno run --v8-flags=--max-semi-space-size=1 --allow-net --allow-env --allow-read --allow-write src/main.ts",
  );
  assert.deepEqual(first, {
    flags: [
      "--v8-flags=--max-semi-space-size=1",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-write",
    ],
    entry: "/tmp/first/src/main.ts",
    env: {},
  });
  assert.throws(() => parseStartCommand("/x", "node main.js"), /not "deno run …"/);
  assert.throws(() => parseStartCommand("/x", "deno run -A"), /no entry point/);
});
