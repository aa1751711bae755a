import assert from "node:assert/strict";
import { type CloseSummary, summaryEmbed } from "./summary_embed.ts";
import { loadLanguages } from "../../i18n/catalogs.ts";
import { LOCALES } from "../../i18n/locale.ts";

// The bot loads a language where it comes in (the dispatcher, the settings store); these call the renderers directly.
await loadLanguages(LOCALES);

const summary: CloseSummary = {
  number: 7,
  typeName: "Billing",
  openerId: "1",
  claimerId: null,
  closerId: "2",
  reason: null,
  openedAt: new Date("2026-01-01T10:00:00Z"),
  closedAt: new Date("2026-01-01T12:00:00Z"),
  messageCount: 3,
  notes: [],
};

Deno.test("summaryEmbed() shows the ticket's priority in the reader's language when given", () => {
  const field = (embed: ReturnType<typeof summaryEmbed>, name: string) =>
    embed.fields?.find((f) => f.name === name)?.value;
  assert.equal(field(summaryEmbed({ ...summary, priority: "urgent" }), "Priority"), "Urgent");
  const german = summaryEmbed({ ...summary, priority: "high" }, { locale: "de" });
  assert.equal(field(german, "Priorität"), "Hoch");
  assert.equal(field(summaryEmbed(summary), "Priority"), undefined);
});
