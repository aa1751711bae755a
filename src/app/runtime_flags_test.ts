import assert from "node:assert/strict";
import { V8_FLAGS } from "./runtime_flags.ts";

Deno.test("the start, dev and compile tasks and the Dockerfile run with V8_FLAGS", async () => {
  const root = new URL("../../", import.meta.url);
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root))) as {
    tasks: Record<string, string>;
  };
  const runs = Object.entries(config.tasks).filter(([name]) =>
    name === "start" || name === "dev" || name.startsWith("compile:")
  );
  assert.equal(runs.length, 7);
  for (const [name, command] of runs) {
    assert.ok(command.split(/\s+/).includes(V8_FLAGS), `task ${name} lacks ${V8_FLAGS}`);
  }
  const dockerfile = await Deno.readTextFile(new URL("Dockerfile", root));
  const compile = dockerfile.split("\n").find((line) => /^\s*(RUN|&&) .*deno compile/.test(line));
  assert.ok(compile?.split(/\s+/).includes(V8_FLAGS), "the Dockerfile compiles without V8_FLAGS");
});
