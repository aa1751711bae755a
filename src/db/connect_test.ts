import assert from "node:assert/strict";
import { createServer } from "node:net";
import { openDatabase } from "./connect.ts";

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address && typeof address === "object");
  return address.port;
}

Deno.test("openDatabase() names an unreachable server without its password", async () => {
  const port = await closedPort();
  for (const kind of ["postgres", "mysql"] as const) {
    await assert.rejects(
      openDatabase({ kind, url: `${kind}://user:hunter2@127.0.0.1:${port}/app` }),
      (error: Error) => {
        assert.ok(
          error.message.startsWith(`Cannot open database ${kind} 127.0.0.1:${port}/app: `),
          error.message,
        );
        assert.ok(!error.message.includes("hunter2"), error.message);
        return true;
      },
    );
  }
});

Deno.test("openDatabase() refuses a PostgreSQL schema that is not a plain identifier", async () => {
  await assert.rejects(
    openDatabase({ kind: "postgres", url: "postgres://u@127.0.0.1/x" }, {
      postgresSchema: 'x"; drop table y; --',
    }),
    RangeError,
  );
});

Deno.test("openDatabase() opens SQLite in memory and close() may be called twice", async () => {
  const handle = await openDatabase({ kind: "sqlite", path: ":memory:" });
  assert.equal(handle.kind, "sqlite");
  await handle.close();
  await handle.close();
});
