import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { openDatabase } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { DIALECTS } from "../../../tests/fixtures/dialects.ts";
import {
  BACKGROUND_POINTS,
  createSharedBudget,
  SHARED_POINTS,
  SHARED_WINDOW_MS,
  sharedBudgetOver,
} from "./shared_budget.ts";

const log = getLogger(["ticketeer", "test"]);

/** The most timestamps inside any window of `windowMs` starting at one of them. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

for (const dialect of DIALECTS.filter((d) => d.name !== "sqlite")) {
  Deno.test({
    name:
      `four processes sharing one budget send at most 50 requests in any second [${dialect.name}]`,
    ignore: dialect.skip !== null && Deno.env.get("CI") !== "true",
    async fn() {
      const isolated = await dialect.isolate();
      const handle = await openDatabase(isolated.target, isolated.options);
      const budgets = [];
      try {
        await migrateToLatest(handle);
        const target = isolated.target;
        if (target.kind === "sqlite") throw new Error("Cannot share a budget on SQLite");
        for (let i = 0; i < 4; i++) {
          budgets.push(
            await createSharedBudget(target, {
              log,
              ...(isolated.options.postgresSchema === undefined
                ? {}
                : { postgresSchema: isolated.options.postgresSchema }),
            }),
          );
        }
        const sent: number[] = [];
        // 4 × 25 requests at once: alone, each process's own pacer would let all 100 go at once.
        await Promise.all(budgets.flatMap((budget) =>
          Array.from({ length: 25 }, async () => {
            await budget.acquire();
            sent.push(performance.now());
          })
        ));
        assert.equal(sent.length, 100);
        const most = busiestWindow(sent, 1000);
        assert.ok(most <= 50, `${most} requests went in one second`);
      } finally {
        for (const budget of budgets) await budget.end();
        await handle.close();
        await isolated.drop();
      }
    },
  });
}

Deno.test("sharedBudgetOver() paces the process alone when the database fails", async () => {
  let calls = 0;
  const failing = {
    consume: () => {
      calls++;
      return Promise.reject(new Error("connection refused"));
    },
  };
  const budget = sharedBudgetOver({ all: failing, background: failing }, { log });
  try {
    await Promise.all(Array.from({ length: 10 }, () => budget.acquire()));
    assert.equal(calls, 10);
  } finally {
    await budget.end();
  }
});

Deno.test("sharedBudgetOver() lets waiting requests go when it closes", async () => {
  const { RateLimiterRes } = await import("rate-limiter-flexible");
  const spent = { consume: () => Promise.reject(new RateLimiterRes(0, 60_000, 8, false)) };
  const budget = sharedBudgetOver({ all: spent, background: spent }, { log });
  const waiting = budget.acquire();
  budget.close();
  await waiting;
});

Deno.test("sharedBudgetOver() lets a person's request pass saturating background work within one window", async () => {
  const { RateLimiterMemory } = await import("rate-limiter-flexible");
  const duration = SHARED_WINDOW_MS / 1000;
  // Two processes on one budget: the limiters are the database's rows.
  const limiters = {
    all: new RateLimiterMemory({ points: SHARED_POINTS, duration }),
    background: new RateLimiterMemory({ points: BACKGROUND_POINTS, duration }),
  };
  const busy = sharedBudgetOver(limiters, { log });
  const asking = sharedBudgetOver(limiters, { log });
  try {
    let backgroundDone = 0;
    // Forty background requests: five windows' worth of the whole budget.
    const background = Array.from(
      { length: 40 },
      () => busy.acquire("background").then(() => backgroundDone++),
    );
    const person = asking.acquire("person").then(() => backgroundDone);
    const before = await person;
    await Promise.all(background);
    assert.ok(
      before <= SHARED_POINTS,
      `${before} background requests went first, more than one window's ${SHARED_POINTS}`,
    );
  } finally {
    await busy.end();
    await asking.end();
  }
});

Deno.test("sharedBudgetOver() serves one process's waiting requests in order, asking the database a few at a time", async () => {
  const { RateLimiterMemory } = await import("rate-limiter-flexible");
  const duration = SHARED_WINDOW_MS / 1000;
  const all = new RateLimiterMemory({ points: SHARED_POINTS, duration });
  let asked = 0;
  let askingAtOnce = 0;
  let mostAtOnce = 0;
  const counted = {
    async consume(key: string, points?: number) {
      asked++;
      mostAtOnce = Math.max(mostAtOnce, ++askingAtOnce);
      try {
        return await all.consume(key, points);
      } finally {
        askingAtOnce--;
      }
    },
  };
  const limiters = {
    all: counted,
    background: new RateLimiterMemory({ points: BACKGROUND_POINTS, duration }),
  };
  const budget = sharedBudgetOver(limiters, { log });
  try {
    const order: number[] = [];
    const requests = 20;
    await Promise.all(
      Array.from(
        { length: requests },
        (_, i) => budget.acquire("person").then(() => order.push(i)),
      ),
    );
    // Five windows' worth: each of the first SHARED_POINTS waiting at most asks once a window.
    assert.ok(mostAtOnce <= SHARED_POINTS, `${mostAtOnce} asked the database at once`);
    assert.ok(asked <= requests * 3, `${asked} questions for ${requests} requests`);
    const late = order.findIndex((i, at) => i > at + SHARED_POINTS);
    assert.equal(late, -1, `served out of order: ${order.join(", ")}`);
  } finally {
    await budget.end();
  }
});
