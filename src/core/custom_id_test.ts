import assert from "node:assert/strict";
import { type ComponentId, decodeCustomId, encodeCustomId } from "./custom_id.ts";
import type { TicketId, TicketTypeId } from "./model.ts";
import type { UserId } from "./ids.ts";

const samples: ComponentId[] = [
  { action: "open", typeId: 1 as TicketTypeId },
  { action: "openform", typeId: 7 as TicketTypeId },
  { action: "close", ticketId: 42 as TicketId },
  { action: "claim", ticketId: 42 as TicketId },
  { action: "closeok", ticketId: Number.MAX_SAFE_INTEGER as TicketId },
  { action: "closeno", ticketId: 3 as TicketId },
  { action: "cfgok", importId: "1234567890123456789" },
  { action: "cfgno", importId: "1234567890123456789" },
  { action: "tag", mode: "new" },
  { action: "tag", mode: "edit", name: "Refund: 5 days 🎫" },
  { action: "queue", filter: "waiting-staff", page: 3 },
  { action: "queue", filter: "all", page: 0 },
  { action: "reopen", ticketId: 9 as TicketId },
];

Deno.test("encodeCustomId() round-trips through decodeCustomId() within 100 characters", () => {
  for (const id of samples) {
    const encoded = encodeCustomId(id);
    assert.ok(encoded.length <= 100, encoded);
    assert.ok(encoded.startsWith("t1:"), encoded);
    assert.deepEqual(decodeCustomId(encoded), id);
  }
  assert.equal(encodeCustomId({ action: "close", ticketId: 42 as TicketId }), "t1:close:42");
  assert.equal(encodeCustomId({ action: "reopen", ticketId: 42 as TicketId }), "t1:reopen:42");
});

Deno.test("decodeCustomId() answers null for stale, foreign or malformed ids", () => {
  for (
    const raw of [
      "",
      "t0:close:42",
      "t2:close:42",
      "t1:close",
      "t1:close:",
      "t1:close:0",
      "t1:close:-1",
      "t1:close:01",
      "t1:close:4.2",
      "t1:close:42:extra",
      "t1:delete:42",
      "t1:__proto__:1",
      "t1:close:99999999999999999999",
      "t1:cfgok:12",
      "t1:cfgok:1234567890123456789:1",
      "t2:cfgno:1234567890123456789",
      "x".repeat(101),
      "some-other-bot:button",
      "t1:tag",
      "t1:tag:old",
      "t1:tag:edit:",
      "t1:queue:all",
      "t1:queue:everything:0",
      "t1:queue:mine:-1",
      "t1:queue:mine:01",
      "t1:queue:mine:1:2",
    ]
  ) {
    assert.equal(decodeCustomId(raw), null, raw);
  }
});

Deno.test("encodeCustomId() refuses a tag name or a page that does not fit", () => {
  assert.throws(
    () => encodeCustomId({ action: "tag", mode: "edit", name: "x".repeat(89) }),
    RangeError,
  );
  assert.equal(encodeCustomId({ action: "tag", mode: "edit", name: "x".repeat(88) }).length, 100);
  assert.throws(() => encodeCustomId({ action: "queue", filter: "all", page: -1 }), RangeError);
});

Deno.test("encodeCustomId() refuses ids that are not positive integers", () => {
  assert.throws(() => encodeCustomId({ action: "close", ticketId: 0 as TicketId }), RangeError);
  assert.throws(() => encodeCustomId({ action: "open", typeId: 1.5 as TicketTypeId }), RangeError);
});

Deno.test("decodeCustomId() reads the panel select menu (t2) beside every t1 id", () => {
  assert.equal(encodeCustomId({ action: "pick" }), "t2:pick");
  assert.deepEqual(decodeCustomId("t2:pick"), { action: "pick" });
  // A panel button posted before panels offered several types keeps opening its type.
  assert.deepEqual(decodeCustomId("t1:open:12"), { action: "open", typeId: 12 });
  assert.equal(decodeCustomId("t2:pick:3"), null);
  assert.equal(decodeCustomId("t1:pick"), null);
});

Deno.test("encodeCustomId() names the member and the asking admin of an erasure", () => {
  const user = "400000000000000501" as UserId;
  const asker = "12345678901234567890" as UserId;
  const ok: ComponentId = { action: "eraseok", userId: user, askerId: asker };
  assert.equal(encodeCustomId(ok), `t1:eraseok:${user}:${asker}`);
  assert.deepEqual(decodeCustomId(encodeCustomId(ok)), ok);
  const no: ComponentId = { action: "eraseno", userId: user };
  assert.deepEqual(decodeCustomId(encodeCustomId(no)), no);
  for (
    const raw of [
      `t1:eraseok:${user}`,
      `t1:eraseok:${user}:${asker}:1`,
      `t1:eraseok:${user}:42`,
      `t1:eraseno:${user}:${asker}`,
      `t1:eraseno:0${user}`,
      `t0:eraseno:${user}`,
    ]
  ) {
    assert.equal(decodeCustomId(raw), null, raw);
  }
  assert.throws(() => encodeCustomId({ action: "eraseno", userId: "42" as UserId }), RangeError);
});

Deno.test("close request ids carry the ticket and the request's number, and reject the rest", () => {
  const ok: ComponentId = { action: "creqok", ticketId: 42 as TicketId, seq: 3 };
  assert.equal(encodeCustomId(ok), "t1:creqok:42:3");
  assert.deepEqual(decodeCustomId("t1:creqok:42:3"), ok);
  assert.deepEqual(decodeCustomId("t1:creqno:42:1"), { action: "creqno", ticketId: 42, seq: 1 });
  for (const bad of ["t1:creqok:42", "t1:creqok:42:0", "t1:creqno:x:1", "t2:creqok:42:3"]) {
    assert.equal(decodeCustomId(bad), null, bad);
  }
  assert.throws(() => encodeCustomId({ action: "creqno", ticketId: 42 as TicketId, seq: 0 }));
});
