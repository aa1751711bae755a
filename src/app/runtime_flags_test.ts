import assert from "node:assert/strict";
import { denoTasks, dockerRunSteps } from "../../tests/fixtures/build_files.ts";
import { RUNTIME_ENV, RUNTIME_FLAGS } from "./runtime_flags.ts";

Deno.test("the start, dev and compile tasks and the Dockerfile run with RUNTIME_FLAGS", () => {
  const runs = Object.entries(denoTasks()).filter(([name]) =>
    name === "start" || name === "dev" || name.startsWith("compile:")
  );
  assert.equal(runs.length, 7);
  for (const [name, task] of runs) {
    for (const flag of RUNTIME_FLAGS) {
      assert.ok(task.command.split(/\s+/).includes(flag), `task ${name} lacks ${flag}`);
    }
  }
  const compile = dockerRunSteps().find((line) => line.includes("deno compile"));
  for (const flag of RUNTIME_FLAGS) {
    assert.ok(compile?.split(/\s+/).includes(flag), `the Dockerfile compiles without ${flag}`);
  }
});

Deno.test("the start and dev tasks run with RUNTIME_ENV", () => {
  const all = denoTasks();
  const settings = Object.entries(RUNTIME_ENV).map(([name, value]) => `${name}=${value}`);
  for (const name of ["start", "dev"]) {
    const words = all[name]?.command.split(/\s+/) ?? [];
    const run = words.indexOf("deno");
    assert.ok(run > 0, `task ${name} does not run deno after its variables`);
    for (const setting of settings) {
      assert.ok(words.slice(0, run).includes(setting), `task ${name} lacks ${setting}`);
    }
  }
});
