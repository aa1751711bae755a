import assert from "node:assert/strict";
import {
  ASSISTANT_VARIABLES,
  assistantHelpText,
  DEFAULT_HANDOFF_PHRASES,
  parseAssistantConfig,
} from "./assistant_config.ts";

Deno.test("parseAssistantConfig() needs only RELAY_SECRET and has documented defaults", () => {
  const parsed = parseAssistantConfig({ RELAY_SECRET: "s3cret" });
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.config, {
    host: "127.0.0.1",
    port: 8000,
    secret: "s3cret",
    model: null,
    prompt: null,
    database: "./data/assistant.db",
    docs: null,
    handoffPhrases: [...DEFAULT_HANDOFF_PHRASES],
    log: { level: "info", format: "text", file: null },
  });
});

Deno.test("parseAssistantConfig() reads the model, prompt, docs and phrases", () => {
  const parsed = parseAssistantConfig({
    RELAY_SECRET: "s3cret",
    ASSISTANT_HOST: "0.0.0.0",
    ASSISTANT_PORT: "0",
    ASSISTANT_MODEL_URL: "http://127.0.0.1:11434/v1/",
    ASSISTANT_MODEL: "llama3.2",
    ASSISTANT_API_KEY: "sk-key",
    ASSISTANT_MODEL_TIMEOUT_MS: "9000",
    ASSISTANT_PROMPT: "Be kind.",
    ASSISTANT_DATABASE: ":memory:",
    ASSISTANT_DOCS: "./docs",
    ASSISTANT_HANDOFF_PHRASES: " Mensch , a HUMAN,, ",
  });
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.config.model, {
    url: "http://127.0.0.1:11434/v1",
    model: "llama3.2",
    apiKey: "sk-key",
    timeoutMs: 9000,
  });
  assert.equal(parsed.config.port, 0);
  assert.equal(parsed.config.docs, "./docs");
  assert.equal(parsed.config.database, ":memory:");
  assert.deepEqual(parsed.config.handoffPhrases, ["mensch", "a human"]);
});

Deno.test("parseAssistantConfig() lists every problem at once", () => {
  const parsed = parseAssistantConfig({
    ASSISTANT_PORT: "80000",
    ASSISTANT_MODEL_URL: "ftp://models",
    ASSISTANT_HANDOFF_PHRASES: ",",
    LOG_LEVEL: "loud",
  });
  assert.ok(!parsed.ok);
  assert.deepEqual(parsed.problems, [
    'ASSISTANT_PORT must be a whole number from 0 to 65535 (got "80000")',
    "RELAY_SECRET is required: the same key the bot signs relay requests with",
    'ASSISTANT_MODEL_URL must be an http:// or https:// URL (got "ftp://models")',
    "ASSISTANT_MODEL_URL is set but ASSISTANT_MODEL is not: name the model",
    "ASSISTANT_HANDOFF_PHRASES must list at least one phrase, separated by commas",
    'LOG_LEVEL must be one of debug, info, warning, error (got "loud")',
  ]);
  const half = parseAssistantConfig({ RELAY_SECRET: "x", ASSISTANT_MODEL: "llama3.2" });
  assert.ok(!half.ok);
  assert.deepEqual(half.problems, [
    "ASSISTANT_MODEL is set but ASSISTANT_MODEL_URL is not: set both, or neither",
  ]);
});

Deno.test("assistantHelpText() lists every assistant variable with its default", () => {
  const text = assistantHelpText();
  for (const variable of ASSISTANT_VARIABLES) {
    assert.match(text, new RegExp(`${variable.name} .*\\(default: `));
  }
});

Deno.test("README's Assistant section lists every assistant variable with its default", async () => {
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const section = readme.slice(readme.indexOf("\n## Assistant\n"));
  for (const variable of ASSISTANT_VARIABLES) {
    const row = section.split("\n").find((line) => line.startsWith(`| \`${variable.name}\``));
    assert.ok(row, `README has a row for ${variable.name}`);
    const shown = variable.default === "required" || variable.default === "built in" ||
        variable.default === "unset"
      ? variable.default
      : `\`${variable.default}\``;
    assert.ok(row.includes(`| ${shown}`), `${variable.name}: ${row}`);
  }
});
