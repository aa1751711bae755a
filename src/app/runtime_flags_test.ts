import assert from "node:assert/strict";
import { RUNTIME_ENV, RUNTIME_FLAGS } from "./runtime_flags.ts";

const root = new URL("../../", import.meta.url);

/** The tasks of deno.json, by name. */
async function tasks(): Promise<Record<string, string>> {
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
  return (config as { tasks: Record<string, string> }).tasks;
}

Deno.test("the start, dev and compile tasks and the Dockerfile run with RUNTIME_FLAGS", async () => {
  const runs = Object.entries(await tasks()).filter(([name]) =>
    name === "start" || name === "dev" || name.startsWith("compile:")
  );
  assert.equal(runs.length, 7);
  for (const [name, command] of runs) {
    for (const flag of RUNTIME_FLAGS) {
      assert.ok(command.split(/\s+/).includes(flag), `task ${name} lacks ${flag}`);
    }
  }
  const dockerfile = await Deno.readTextFile(new URL("Dockerfile", root));
  const compile = dockerfile.split("\n").find((line) => /^\s*(RUN|&&) .*deno compile/.test(line));
  for (const flag of RUNTIME_FLAGS) {
    assert.ok(compile?.split(/\s+/).includes(flag), `the Dockerfile compiles without ${flag}`);
  }
});

Deno.test("the start and dev tasks run with RUNTIME_ENV", async () => {
  const all = await tasks();
  const settings = Object.entries(RUNTIME_ENV).map(([name, value]) => `${name}=${value}`);
  for (const name of ["start", "dev"]) {
    const words = all[name]?.split(/\s+/) ?? [];
    const run = words.indexOf("deno");
    assert.ok(run > 0, `task ${name} does not run deno after its variables`);
    for (const setting of settings) {
      assert.ok(words.slice(0, run).includes(setting), `task ${name} lacks ${setting}`);
    }
  }
});
