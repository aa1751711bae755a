import assert from "node:assert/strict";
import { guildId } from "../ids.ts";
import { transcriptLinkRow } from "./transcript_link.ts";

Deno.test("transcriptLinkRow() links the ticket's transcript page", () => {
  const row = transcriptLinkRow("https://tickets.example.org", {
    guildId: guildId("100000000000000001"),
    number: 42,
  }, { label: "Open transcript" });
  assert.deepEqual(row, {
    type: 1,
    components: [{
      type: 2,
      style: 5,
      label: "Open transcript",
      url: "https://tickets.example.org/web/t/100000000000000001/42",
    }],
  });
});
