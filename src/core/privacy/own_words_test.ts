import assert from "node:assert/strict";
import type { Ticket } from "../model.ts";
import { ownPayload, ownTicket } from "./own_words.ts";

const ME = "200000000000000001";
const STAFF = "200000000000000002";

Deno.test("ownPayload() keeps the member's words but not the quote of someone else", () => {
  const out = ownPayload({
    id: "2",
    content: "my answer",
    author: { id: ME, username: "alice" },
    referenced_message: { id: "1", content: "staff words", author: { id: STAFF, username: "sam" } },
    mentions: [{ id: STAFF, username: "sam" }],
    message_snapshots: [{ message: { content: "forwarded words" } }],
  }, ME) as Record<string, unknown>;
  assert.equal(out.content, "my answer");
  assert.deepEqual(out.referenced_message, { id: "1" });
  assert.deepEqual(out.mentions, [{ id: STAFF }]);
  assert.doesNotMatch(JSON.stringify(out), /staff words|sam|forwarded/);
});

Deno.test("ownPayload() keeps a quote of the member's own message", () => {
  const quote = { id: "1", content: "earlier", author: { id: ME } };
  const out = ownPayload({ id: "2", content: "more", referenced_message: quote }, ME);
  assert.deepEqual((out as Record<string, unknown>).referenced_message, quote);
});

Deno.test("ownTicket() drops a close reason someone else wrote", () => {
  const ticket = { closedBy: STAFF, closeReason: "refund denied" } as Ticket;
  assert.equal(ownTicket(ticket, ME).closeReason, null);
  const own = { closedBy: ME, closeReason: "solved" } as Ticket;
  assert.equal(ownTicket(own, ME).closeReason, "solved");
});
