/**
 * Keyed serial queues: the tasks of one key (one ticket channel) run strictly
 * one after another, in the order they were enqueued, while different keys
 * run concurrently. `enqueue` never waits, so the gateway loop is never held
 * up by a slow assistant.
 */
import type { Logger } from "@logtape/logtape";

/** A unit of work; a rejection is logged and the key's next task still runs. */
export type RelayTask = () => Promise<void>;

export interface RelayQueueOptions {
  /** Tasks waiting per key beyond the one running; the oldest is dropped past it. Default 50. */
  maxPending?: number;
  log?: Logger;
}

export interface RelayQueue {
  /** Queues `task` behind the tasks already queued under `key`; returns at once. */
  enqueue(key: string, task: RelayTask): void;
  /** Tasks waiting (not running) under `key`, or under every key. */
  pending(key?: string): number;
  /** Resolves once every queued task has finished, including ones queued meanwhile. */
  idle(): Promise<void>;
  /** Refuses new tasks (they are dropped) and resolves once the queued ones finish. */
  close(): Promise<void>;
}

interface Lane {
  waiting: RelayTask[];
  done: Promise<void>;
}

/** Creates an empty queue; it holds no timers, so an idle queue keeps nothing alive. */
export function createRelayQueue(options: RelayQueueOptions = {}): RelayQueue {
  const maxPending = options.maxPending ?? 50;
  if (!Number.isInteger(maxPending) || maxPending < 1) {
    throw new RangeError(
      `Cannot create the relay queue: maxPending ${maxPending} is not a positive integer`,
    );
  }
  const lanes = new Map<string, Lane>();
  let closed = false;

  async function drain(key: string, lane: Lane): Promise<void> {
    // Let `enqueue` return before the first task starts.
    await Promise.resolve();
    for (let task = lane.waiting.shift(); task; task = lane.waiting.shift()) {
      try {
        await task();
      } catch (error) {
        options.log?.error("A relay task for {key} failed: {error}", { key, error });
      }
    }
    lanes.delete(key);
  }

  const idle = async () => {
    while (lanes.size > 0) {
      await Promise.all([...lanes.values()].map((lane) => lane.done));
    }
  };

  return {
    enqueue(key, task) {
      if (closed) {
        options.log?.warn("The relay queue is closed; a message for {key} was not relayed", {
          key,
        });
        return;
      }
      const lane = lanes.get(key);
      if (lane) {
        lane.waiting.push(task);
        if (lane.waiting.length > maxPending) {
          lane.waiting.shift();
          options.log?.warn(
            "More than {maxPending} messages wait for the assistant in {key}; the oldest was dropped",
            { maxPending, key },
          );
        }
        return;
      }
      const created: Lane = { waiting: [task], done: Promise.resolve() };
      lanes.set(key, created);
      created.done = drain(key, created);
    },
    pending(key) {
      if (key !== undefined) return lanes.get(key)?.waiting.length ?? 0;
      let total = 0;
      for (const lane of lanes.values()) total += lane.waiting.length;
      return total;
    },
    idle,
    close() {
      closed = true;
      return idle();
    },
  };
}
