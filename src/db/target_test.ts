import assert from "node:assert/strict";
import { describeTarget, parseDatabaseUrl } from "./target.ts";

Deno.test("parseDatabaseUrl() reads sqlite file paths and :memory:", () => {
  assert.deepEqual(parseDatabaseUrl("sqlite:./data/ticketeer.db"), {
    kind: "sqlite",
    path: "./data/ticketeer.db",
  });
  assert.deepEqual(parseDatabaseUrl("sqlite::memory:"), { kind: "sqlite", path: ":memory:" });
  assert.deepEqual(parseDatabaseUrl("sqlite:///var/lib/t.db"), {
    kind: "sqlite",
    path: "/var/lib/t.db",
  });
  assert.deepEqual(parseDatabaseUrl("sqlite:relative.db"), { kind: "sqlite", path: "relative.db" });
});

Deno.test("parseDatabaseUrl() reads postgres and postgresql URLs as given", () => {
  assert.deepEqual(parseDatabaseUrl("postgres://postgres@127.0.0.1:5432/test"), {
    kind: "postgres",
    url: "postgres://postgres@127.0.0.1:5432/test",
  });
  assert.deepEqual(parseDatabaseUrl("postgresql://u:p@db/app?sslmode=require"), {
    kind: "postgres",
    url: "postgresql://u:p@db/app?sslmode=require",
  });
});

Deno.test("parseDatabaseUrl() reads mysql URLs and rewrites mariadb:// to mysql://", () => {
  assert.deepEqual(parseDatabaseUrl("mysql://root@127.0.0.1:3306/test"), {
    kind: "mysql",
    url: "mysql://root@127.0.0.1:3306/test",
  });
  assert.deepEqual(parseDatabaseUrl("mariadb://root:pw@db/app"), {
    kind: "mysql",
    url: "mysql://root:pw@db/app",
  });
});

Deno.test("parseDatabaseUrl() names DATABASE_URL and the scheme it got for unknown schemes", () => {
  assert.deepEqual(parseDatabaseUrl("nonsense://user:secret@host/db"), {
    problem: 'DATABASE_URL must start with sqlite:, postgres:// or mysql:// (got "nonsense://")',
  });
  const empty = parseDatabaseUrl("");
  assert.ok("problem" in empty && empty.problem.startsWith("DATABASE_URL must start with"));
  const bare = parseDatabaseUrl("data.db");
  assert.ok("problem" in bare && bare.problem.includes('(got "data.db")'));
});

Deno.test("parseDatabaseUrl() refuses incomplete URLs without quoting passwords", () => {
  for (
    const text of ["sqlite:", "postgres://", "mysql://root:hunter2@host", "postgres://u:hunter2@h/"]
  ) {
    const result = parseDatabaseUrl(text);
    assert.ok("problem" in result, `expected a problem for ${text}`);
    assert.match(result.problem, /^DATABASE_URL /);
    assert.ok(!result.problem.includes("hunter2"), result.problem);
  }
});

Deno.test("describeTarget() leaves out credentials and query parameters", () => {
  assert.equal(describeTarget({ kind: "sqlite", path: "./data/x.db" }), "sqlite ./data/x.db");
  assert.equal(
    describeTarget({ kind: "postgres", url: "postgres://postgres:secret@127.0.0.1:5432/test" }),
    "postgres 127.0.0.1:5432/test",
  );
  assert.equal(
    describeTarget({ kind: "postgres", url: "postgresql://u:secret@db.example/app?password=x" }),
    "postgres db.example:5432/app",
  );
  assert.equal(
    describeTarget({ kind: "mysql", url: "mysql://root:secret@localhost/tickets" }),
    "mysql localhost:3306/tickets",
  );
});
