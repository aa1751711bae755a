import assert from "node:assert/strict";
import type { DiscordPort } from "../discord_port.ts";
import { createOpenLine, leavingOnRequest, OPENS_AT_ONCE, opensAtOnce } from "./open_line.ts";

Deno.test("createOpenLine() runs a few at a time, in the order they came", async () => {
  const line = createOpenLine(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const gates = Array.from({ length: 6 }, () => Promise.withResolvers<void>());
  const runs = gates.map((gate, i) =>
    line.run(async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await gate.promise;
      running--;
      return i;
    })
  );
  await Promise.resolve();
  assert.deepEqual(started, [0, 1]);
  // The second finishing first lets the third in, not a later one.
  gates[1]!.resolve();
  await runs[1];
  await Promise.resolve();
  assert.deepEqual(started, [0, 1, 2]);
  for (const gate of gates) gate.resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 2);
});

Deno.test("createOpenLine() lets the next in when one leaves before it ends", async () => {
  const line = createOpenLine(1);
  const gate = Promise.withResolvers<void>();
  const started: string[] = [];
  const first = line.run(async (leave) => {
    started.push("first");
    leave();
    leave();
    await gate.promise;
  });
  const second = line.run(() => Promise.resolve(started.push("second")));
  const third = line.run(() => Promise.resolve(started.push("third")));
  await Promise.all([second, third]);
  assert.deepEqual(started, ["first", "second", "third"]);
  gate.resolve();
  await first;
});

Deno.test("createOpenLine() passes the turn on when work throws", async () => {
  const line = createOpenLine(1);
  await assert.rejects(line.run(() => Promise.reject(new Error("boom"))), /boom/);
  assert.equal(await line.run(() => Promise.resolve("next")), "next");
});

Deno.test("createOpenLine() refuses a limit below one", () => {
  assert.throws(() => createOpenLine(0), RangeError);
});

Deno.test("leavingOnRequest() leaves before each request and answers as the port does", async () => {
  let left = 0;
  const port = {
    name: "port",
    botUser(this: { name: string }) {
      assert.equal(left, 1, "left the line before asking");
      return Promise.resolve({ id: "1", username: this.name });
    },
  } as unknown as DiscordPort;
  const leaving = leavingOnRequest(port, () => left++);
  assert.deepEqual(await leaving.botUser(), { id: "1", username: "port" });
  assert.equal(left, 1);
});

Deno.test("createOpenLine() cleared() waits for those in line now, not for later ones", async () => {
  const line = createOpenLine(1);
  let empty = false;
  line.cleared().then(() => empty = true);
  await Promise.resolve();
  assert.ok(empty, "an empty line is clear at once");
  const gates = [Promise.withResolvers<void>(), Promise.withResolvers<void>()];
  const runs = gates.map((gate) => line.run(() => gate.promise));
  let cleared = false;
  const watched = line.cleared().then(() => cleared = true);
  const later = Promise.withResolvers<void>();
  const afterwards = line.run(() => later.promise);
  gates[0]!.resolve();
  await runs[0];
  await Promise.resolve();
  assert.equal(cleared, false);
  gates[1]!.resolve();
  await runs[1];
  await watched;
  assert.ok(cleared, "the later open was waited for");
  later.resolve();
  await afterwards;
});

Deno.test("opensAtOnce() leaves two of a pool's connections to first answers", () => {
  assert.equal(opensAtOnce(1), OPENS_AT_ONCE, "SQLite's one connection");
  assert.equal(opensAtOnce(10), 8);
  assert.equal(opensAtOnce(2), 1);
  assert.equal(opensAtOnce(100), OPENS_AT_ONCE);
});
