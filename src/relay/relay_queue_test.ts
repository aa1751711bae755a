import assert from "node:assert/strict";
import { createRelayQueue } from "./relay_queue.ts";
import { within } from "../lib/deadline.ts";

Deno.test("enqueue() returns before the task starts", async () => {
  const queue = createRelayQueue();
  let started = false;
  queue.enqueue("a", () => {
    started = true;
    return Promise.resolve();
  });
  assert.equal(started, false);
  await within(queue.idle());
  assert.equal(started, true);
});

Deno.test("enqueue() runs one key's tasks one at a time, in order", async () => {
  const queue = createRelayQueue();
  const order: number[] = [];
  let running = 0;
  for (let i = 0; i < 20; i++) {
    queue.enqueue("ticket", async () => {
      running++;
      assert.equal(running, 1, "two tasks of one key overlapped");
      // Later tasks finish sooner, so only the queue keeps them in order.
      await new Promise((resolve) => setTimeout(resolve, 20 - i));
      order.push(i);
      running--;
    });
  }
  await within(queue.idle());
  assert.deepEqual(order, Array.from({ length: 20 }, (_, i) => i));
});

Deno.test("enqueue() does not hold one key behind another that hangs", async () => {
  const queue = createRelayQueue();
  const hung = Promise.withResolvers<void>();
  const otherDone = Promise.withResolvers<void>();
  queue.enqueue("a", () => hung.promise);
  queue.enqueue("a", () => Promise.resolve());
  queue.enqueue("b", () => {
    otherDone.resolve();
    return Promise.resolve();
  });
  await within(otherDone.promise);
  assert.equal(queue.pending("a"), 1);
  hung.resolve();
  await within(queue.idle());
  assert.equal(queue.pending(), 0);
});

Deno.test("enqueue() drops the oldest waiting task beyond the bound", async () => {
  const queue = createRelayQueue({ maxPending: 3 });
  const gate = Promise.withResolvers<void>();
  const ran: number[] = [];
  queue.enqueue("a", async () => {
    await gate.promise;
    ran.push(0);
  });
  await Promise.resolve(); // the first task is now running, not waiting
  for (let i = 1; i <= 5; i++) {
    queue.enqueue("a", () => {
      ran.push(i);
      return Promise.resolve();
    });
  }
  assert.equal(queue.pending("a"), 3);
  gate.resolve();
  await within(queue.idle());
  assert.deepEqual(ran, [0, 3, 4, 5]);
});

Deno.test("enqueue() keeps going after a task fails", async () => {
  const queue = createRelayQueue();
  const ran: string[] = [];
  queue.enqueue("a", () => Promise.reject(new Error("boom")));
  queue.enqueue("a", () => {
    ran.push("after");
    return Promise.resolve();
  });
  await within(queue.idle());
  assert.deepEqual(ran, ["after"]);
});

Deno.test("close() waits for queued tasks and refuses new ones", async () => {
  const queue = createRelayQueue();
  const ran: string[] = [];
  queue.enqueue("a", async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    ran.push("queued");
  });
  const closed = queue.close();
  queue.enqueue("a", () => {
    ran.push("late");
    return Promise.resolve();
  });
  await within(closed);
  assert.deepEqual(ran, ["queued"]);
});
