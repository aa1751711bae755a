import assert from "node:assert/strict";
import { DEFAULT_PROMPT, resolvePrompt, systemMessage } from "./prompt.ts";

Deno.test("resolvePrompt() reads a file it names, else takes the text as the prompt", async () => {
  const file = await Deno.makeTempFile({ suffix: ".md" });
  try {
    await Deno.writeTextFile(file, "You answer for Acme.\n");
    assert.equal(await resolvePrompt(file), "You answer for Acme.");
    assert.equal(await resolvePrompt("Answer in French."), "Answer in French.");
    assert.equal(await resolvePrompt(null), DEFAULT_PROMPT);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("systemMessage() appends the passages, or says none matched", () => {
  const hit = { file: "a.md", title: "Billing", heading: "Refunds", text: "5 days.", score: 1 };
  assert.equal(systemMessage("P.", [hit]), "P.\n\nDocuments:\n\n[1] Billing — Refunds\n5 days.");
  assert.equal(systemMessage("P.", []), "P.\n\nNo document matches this question.");
});
