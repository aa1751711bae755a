import assert from "node:assert/strict";
import { commandInput, memberRef, opt, userRef } from "../../../tests/fixtures/inputs.ts";
import { defineCommand, defineSubcommand, OptionType, readOptions } from "./define_command.ts";
import { channelOption, userOption } from "./command_option.ts";
import { ephemeral } from "../reply.ts";

const member = memberRef(userRef("400000000000000001", "alice"));

const OPTIONS = [
  userOption("user", "Who"),
  { type: OptionType.String, name: "note", description: "Why", required: false },
  channelOption("where", "Where", { kind: "text", required: false }),
] as const;

Deno.test("readOptions() reads declared options by name, trims strings, and nulls the rest", () => {
  const input = commandInput({
    name: "x",
    member,
    options: { note: opt.string("  hello  "), where: opt.string("not a channel") },
  });
  const options = readOptions(OPTIONS, input);
  assert.deepEqual(options, { user: null, note: "hello", where: null });
  // @ts-expect-error: an option the definition does not declare is a type error.
  void options.usr;
  // @ts-expect-error: a string option is a string, not a number.
  const wrong: number | null = options.note;
  void wrong;
});

Deno.test("defineCommand() registers a guild-only definition and routes to its handler", async () => {
  const seen: unknown[] = [];
  const command = defineCommand({
    name: "hello",
    description: "Say hello",
    default_member_permissions: null,
    options: OPTIONS,
    handler: (_input, _ctx, options) => {
      seen.push(options.note);
      return Promise.resolve(ephemeral("hi"));
    },
  });
  assert.deepEqual(command.definition, {
    type: 1,
    name: "hello",
    description: "Say hello",
    options: OPTIONS,
    default_member_permissions: null,
    integration_types: [0],
    contexts: [0],
  });
  assert.deepEqual(command.routes.map((r) => r.key), ["hello"]);
  const input = commandInput({ name: "hello", member, options: { note: opt.string("x") } });
  // The handler reads options only: any context will do here.
  await command.routes[0]!.run(input, {} as never);
  assert.deepEqual(seen, ["x"]);
});

Deno.test("defineSubcommand() nests its options under a subcommand option", () => {
  const sub = defineSubcommand({
    name: "ping",
    description: "Ping",
    options: [],
    handler: () => Promise.resolve(ephemeral("pong")),
  });
  assert.deepEqual(sub.option, { type: 1, name: "ping", description: "Ping", options: [] });
  assert.deepEqual(sub.routes.map((r) => r.key), ["ping"]);
});
