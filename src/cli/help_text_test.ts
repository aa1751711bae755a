import assert from "node:assert/strict";
import { helpText, VARIABLES } from "./help_text.ts";

Deno.test("helpText() lists every variable with its default", () => {
  const text = helpText("1.2.3");
  for (const variable of VARIABLES) {
    const line = text.split("\n").find((l) => l.trimStart().startsWith(variable.name + " "));
    assert.ok(line, `missing ${variable.name}`);
    assert.ok(line.includes(`(default: ${variable.default})`));
  }
});
