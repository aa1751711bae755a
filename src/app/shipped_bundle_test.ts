import assert from "node:assert/strict";
import { denoTasks, dockerRunSteps } from "../../tests/fixtures/build_files.ts";
import { BUNDLE_DIR, BUNDLE_ENTRY, BUNDLE_FLAGS } from "./shipped_bundle.ts";

Deno.test("the build task bundles src/main.ts with BUNDLE_FLAGS and records its imports", () => {
  const build = denoTasks().build?.command ?? "";
  assert.deepEqual(build.split(" && "), [
    `rm -rf ${BUNDLE_DIR}`,
    `deno bundle --quiet ${BUNDLE_FLAGS.join(" ")} --outdir=${BUNDLE_DIR} src/main.ts`,
    `deno install --quiet --entrypoint ${BUNDLE_ENTRY}`,
  ]);
});

Deno.test("the start and compile tasks build first and run or embed the bundle", () => {
  const tasks = Object.entries(denoTasks()).filter(([name]) =>
    name === "start" || name.startsWith("compile:")
  );
  assert.equal(tasks.length, 6);
  for (const [name, task] of tasks) {
    assert.deepEqual(task.dependencies, ["build"], `task ${name} does not build first`);
    assert.ok(task.command.endsWith(` ${BUNDLE_ENTRY}`), `task ${name} does not run the bundle`);
    if (name.startsWith("compile:")) {
      assert.ok(task.command.includes(` --include ${BUNDLE_DIR} `), `task ${name} lacks chunks`);
    }
  }
});

Deno.test("the Dockerfile builds the bundle and compiles it", () => {
  const steps = dockerRunSteps();
  const build = steps.findIndex((line) => /\bdeno task build\b/.test(line));
  const compile = steps.findIndex((line) => line.includes("deno compile"));
  assert.ok(build >= 0, "the Dockerfile does not run deno task build");
  assert.ok(build < compile, "the Dockerfile compiles before it builds");
  assert.match(steps[compile] ?? "", new RegExp(` --include ${BUNDLE_DIR} .*${BUNDLE_ENTRY}\\b`));
});
