import assert from "node:assert/strict";
import { applicationIdFromToken, parseConfig } from "./config.ts";

import { SAMPLE_TOKEN } from "../tests/fixtures/sample_token.ts";

function problemsOf(env: Record<string, string>): string[] {
  const result = parseConfig(env);
  return result.ok ? [] : result.problems;
}

Deno.test("parseConfig() applies every default", () => {
  const result = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN });
  assert.ok(result.ok);
  assert.deepEqual(result.config, {
    discordToken: SAMPLE_TOKEN,
    applicationId: "123456789012345678",
    database: { kind: "sqlite", path: "./data/ticketeer.db" },
    http: { host: "127.0.0.1", port: 8080 },
    publicKey: null,
    gateway: true,
    discordApiUrl: "https://discord.com/api",
    commandGuildId: null,
    relay: null,
    log: { level: "info", format: "text", file: null },
    shards: null,
    apiProxy: null,
    web: null,
  });
});

Deno.test("parseConfig() reads every variable", () => {
  const result = parseConfig({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    DISCORD_APPLICATION_ID: "42",
    DATABASE_URL: "postgres://u:p@db:5432/tickets",
    HTTP_HOST: "0.0.0.0",
    HTTP_PORT: "9000",
    DISCORD_PUBLIC_KEY: "AB".repeat(32),
    GATEWAY: "off",
    DISCORD_API_URL: "http://127.0.0.1:4000/api/",
    COMMAND_GUILD_ID: "99",
    RELAY_URL: "https://assistant.example/relay",
    RELAY_SECRET: "s3cret-value",
    RELAY_TIMEOUT_MS: "2500",
    LOG_LEVEL: "DEBUG",
    LOG_FORMAT: "json",
    LOG_FILE: "/var/log/ticketeer.log",
  });
  assert.ok(result.ok);
  assert.equal(result.config.applicationId, "42");
  assert.deepEqual(result.config.database, {
    kind: "postgres",
    url: "postgres://u:p@db:5432/tickets",
  });
  assert.deepEqual(result.config.http, { host: "0.0.0.0", port: 9000 });
  assert.equal(result.config.publicKey, "ab".repeat(32));
  assert.equal(result.config.gateway, false);
  assert.equal(result.config.discordApiUrl, "http://127.0.0.1:4000/api");
  assert.equal(result.config.commandGuildId, "99");
  assert.deepEqual(result.config.relay, {
    url: "https://assistant.example/relay",
    secret: "s3cret-value",
    timeoutMs: 2500,
  });
  assert.deepEqual(result.config.log, {
    level: "debug",
    format: "json",
    file: "/var/log/ticketeer.log",
  });
});

Deno.test("parseConfig() names DISCORD_TOKEN when the environment is empty", () => {
  const problems = problemsOf({});
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^DISCORD_TOKEN is required/);
});

Deno.test("parseConfig() lists every problem at once", () => {
  const problems = problemsOf({
    DISCORD_TOKEN: "x",
    DATABASE_URL: "nonsense://",
    HTTP_PORT: "70000",
    GATEWAY: "maybe",
    DISCORD_API_URL: "ftp://x",
    DISCORD_PUBLIC_KEY: "zz",
    COMMAND_GUILD_ID: "abc",
    RELAY_URL: "not a url",
    RELAY_TIMEOUT_MS: "-1",
    LOG_LEVEL: "loud",
    LOG_FORMAT: "xml",
  });
  for (
    const name of [
      "DISCORD_TOKEN",
      "DATABASE_URL",
      "HTTP_PORT",
      "GATEWAY",
      "DISCORD_API_URL",
      "DISCORD_PUBLIC_KEY",
      "COMMAND_GUILD_ID",
      "RELAY_URL",
      "RELAY_TIMEOUT_MS",
      "LOG_LEVEL",
      "LOG_FORMAT",
    ]
  ) {
    assert.ok(
      problems.some((p) => p.startsWith(name)),
      `expected a problem naming ${name}: ${problems.join(" | ")}`,
    );
  }
});

Deno.test("parseConfig() refuses GATEWAY=off without DISCORD_PUBLIC_KEY", () => {
  const problems = problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, GATEWAY: "off" });
  assert.deepEqual(problems, [
    "GATEWAY=off needs DISCORD_PUBLIC_KEY: without the gateway, interactions arrive only over HTTP",
  ]);
});

Deno.test("parseConfig() disables HTTP with HTTP_PORT=0 and refuses it for HTTP interactions", () => {
  const off = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN, HTTP_PORT: "0" });
  assert.ok(off.ok);
  assert.equal(off.config.http, null);
  const problems = problemsOf({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    HTTP_PORT: "0",
    DISCORD_PUBLIC_KEY: "a".repeat(64),
  });
  assert.ok(problems.some((p) => p.includes("HTTP_PORT=0")));
});

Deno.test("parseConfig() accepts sqlite::memory: and refuses a versioned API URL", () => {
  const memory = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: "sqlite::memory:" });
  assert.ok(memory.ok);
  assert.deepEqual(memory.config.database, { kind: "sqlite", path: ":memory:" });
  const problems = problemsOf({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    DISCORD_API_URL: "https://discord.com/api/v10",
  });
  assert.ok(problems[0]?.startsWith("DISCORD_API_URL must not end with a version"));
});

Deno.test("parseConfig() refuses RELAY_SECRET without RELAY_URL", () => {
  const problems = problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, RELAY_SECRET: "abcdef" });
  assert.deepEqual(problems, ["RELAY_SECRET is set but RELAY_URL is not: set both, or neither"]);
});

Deno.test("applicationIdFromToken() reads the id a token encodes and refuses garbage", () => {
  assert.equal(applicationIdFromToken(SAMPLE_TOKEN), "123456789012345678");
  assert.equal(applicationIdFromToken("!!!.x.y"), null);
  assert.equal(applicationIdFromToken(`${btoa("hello")}.a.b`), null);
});

Deno.test("parseConfig() reads a shard range and a REST proxy", () => {
  const result = parseConfig({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    SHARDS: "2-3/4",
    DISCORD_API_URL: "http://proxy.internal:8080/api",
    DISCORD_API_PROXY: "on",
    DISCORD_API_PROXY_AUTH: "Bearer shared-secret",
  });
  assert.ok(result.ok);
  assert.deepEqual(result.config.shards, { first: 2, last: 3, total: 4 });
  assert.deepEqual(result.config.apiProxy, { authorization: "Bearer shared-secret" });
});

Deno.test("parseConfig() refuses shard ranges that cannot exist, naming SHARDS", () => {
  for (const text of ["5-2/4", "0-4/4", "1-2", "a-b/c", "0-0/0"]) {
    const problems = problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, SHARDS: text });
    assert.equal(problems.length, 1, text);
    assert.match(problems[0]!, /^SHARDS /, text);
    assert.ok(problems[0]!.includes(text), text);
  }
  assert.deepEqual(problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, SHARDS: "0-0/1" }), []);
});

Deno.test("parseConfig() refuses a proxy setting that cannot work", () => {
  assert.match(
    problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, DISCORD_API_PROXY: "yes" })[0]!,
    /DISCORD_API_PROXY must be on or off/,
  );
  assert.match(
    problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, DISCORD_API_PROXY: "on" })[0]!,
    /needs DISCORD_API_URL/,
  );
  assert.match(
    problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, DISCORD_API_PROXY_AUTH: "x" })[0]!,
    /DISCORD_API_PROXY_AUTH is set but DISCORD_API_PROXY is not on/,
  );
});

const SESSION_SECRET = "0123456789abcdef0123456789abcdef";

Deno.test("parseConfig() turns the web pages on with PUBLIC_URL and its two secrets", () => {
  const result = parseConfig({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    PUBLIC_URL: "https://tickets.example.org/",
    DISCORD_CLIENT_SECRET: "client-secret",
    SESSION_SECRET,
  });
  assert.ok(result.ok);
  assert.deepEqual(result.config.web, {
    publicUrl: "https://tickets.example.org",
    clientSecret: "client-secret",
    sessionSecret: SESSION_SECRET,
  });
});

Deno.test("parseConfig() lists every web problem at once", () => {
  const problems = problemsOf({
    DISCORD_TOKEN: SAMPLE_TOKEN,
    PUBLIC_URL: "ftp://tickets.example.org",
    SESSION_SECRET: "short",
    HTTP_PORT: "0",
  });
  assert.equal(problems.length, 4, problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("PUBLIC_URL must be an http:// or https:// URL")));
  assert.ok(problems.some((p) => p.startsWith("PUBLIC_URL needs DISCORD_CLIENT_SECRET")));
  assert.ok(problems.some((p) => p.startsWith("SESSION_SECRET must be at least 32 bytes")));
  assert.ok(problems.some((p) => p.startsWith("PUBLIC_URL is set but HTTP_PORT=0")));
});

Deno.test("parseConfig() refuses the web secrets without PUBLIC_URL", () => {
  const problems = problemsOf({ DISCORD_TOKEN: SAMPLE_TOKEN, SESSION_SECRET });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /only used with PUBLIC_URL/);
});

Deno.test("parseConfig() asks for the Server Members intent only with SERVER_MEMBERS_INTENT=on", () => {
  const off = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN });
  assert.ok(off.ok);
  assert.equal(off.config.serverMembersIntent ?? false, false);
  const on = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN, SERVER_MEMBERS_INTENT: "ON" });
  assert.ok(on.ok);
  assert.equal(on.config.serverMembersIntent, true);
  const bad = parseConfig({ DISCORD_TOKEN: SAMPLE_TOKEN, SERVER_MEMBERS_INTENT: "yes" });
  assert.deepEqual(bad.ok ? [] : bad.problems, [
    'SERVER_MEMBERS_INTENT must be on or off (got "yes")',
  ]);
});
