import assert from "node:assert/strict";
import { createTurns } from "./turns.ts";

Deno.test("work in turn runs one piece after another, in order, past failures", async () => {
  const turns = createTurns();
  const log: string[] = [];
  const later = (name: string, fail = false) => async () => {
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    log.push(`end ${name}`);
    if (fail) throw new Error(name);
    return name;
  };
  const a = turns.run(later("a", true));
  const b = turns.run(later("b"));
  await assert.rejects(a, /a/);
  assert.equal(await b, "b");
  assert.deepEqual(log, ["start a", "end a", "start b", "end b"]);
});

Deno.test("a read joins a queued read of the same key, never one already under way", async () => {
  const turns = createTurns();
  let reads = 0;
  let value = "first";
  const gate = Promise.withResolvers<void>();
  const blocker = turns.run(() => gate.promise);
  const read = () => {
    reads++;
    return Promise.resolve(value);
  };
  // Queued behind the blocker: these three share one read.
  const queued = [turns.shared("x", read), turns.shared("x", read), turns.shared("x", read)];
  const other = turns.shared("y", read);
  gate.resolve();
  await blocker;
  assert.deepEqual(await Promise.all(queued), ["first", "first", "first"]);
  assert.equal(await other, "first");
  assert.equal(reads, 2);

  // A read that has started is not joined: the new caller's answer is read after it asked.
  let finish = () => {};
  const started = Promise.withResolvers<void>();
  const slow = turns.shared("x", () => {
    reads++;
    started.resolve();
    return new Promise<string>((resolve) => (finish = () => resolve(value)));
  });
  await started.promise;
  value = "second";
  const after = turns.shared("x", read);
  finish();
  assert.equal(await slow, "second");
  assert.equal(await after, "second");
  assert.equal(reads, 4);
});
