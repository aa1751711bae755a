import assert from "node:assert/strict";
import { ephemeral, visible } from "../../core/reply.ts";
import {
  MODAL_AFTER_DEFER_TEXT,
  REFUSAL_COLOR,
  replyToCallback,
  replyToEdit,
} from "./interaction_response.ts";

Deno.test("replyToCallback() sends an ephemeral message with flag 64 and no mentions", () => {
  assert.deepEqual(replyToCallback(ephemeral("Ticket opened: <#1>")), {
    type: 4,
    data: { content: "Ticket opened: <#1>", allowed_mentions: { parse: [] }, flags: 64 },
  });
});

Deno.test("replyToCallback() sends a visible message without flags", () => {
  assert.deepEqual(replyToCallback(visible("Hello <@&5>")), {
    type: 4,
    data: { content: "Hello <@&5>", allowed_mentions: { parse: [] } },
  });
});

Deno.test("replyToCallback() keeps the mentions a body allows", () => {
  const reply = visible({ content: "<@1>", allowed_mentions: { users: ["1"] } });
  assert.deepEqual(replyToCallback(reply), {
    type: 4,
    data: { content: "<@1>", allowed_mentions: { users: ["1"] } },
  });
});

Deno.test("replyToCallback() updates the component's message with type 7", () => {
  const components = [{
    type: 1 as const,
    components: [{ type: 2 as const, style: 4 as const, label: "Close", custom_id: "c" }],
  }];
  assert.deepEqual(replyToCallback({ kind: "update", body: { content: "Claimed", components } }), {
    type: 7,
    data: { content: "Claimed", components, allowed_mentions: { parse: [] } },
  });
});

Deno.test("replyToCallback() shows a modal with type 9", () => {
  const modal = {
    custom_id: "open:1",
    title: "Open a ticket",
    components: [{
      type: 18 as const,
      label: "Topic",
      component: { type: 4 as const, custom_id: "q0", style: 1 as const },
    }],
  };
  assert.deepEqual(replyToCallback({ kind: "modal", modal }), { type: 9, data: modal });
});

Deno.test("replyToCallback() renders a refusal as one ephemeral red embed, code hidden", () => {
  const callback = replyToCallback({
    kind: "refused",
    code: "not_staff",
    text: "Only staff can claim tickets.",
  });
  assert.deepEqual(callback, {
    type: 4,
    data: {
      embeds: [{ description: "Only staff can claim tickets.", color: REFUSAL_COLOR }],
      allowed_mentions: { parse: [] },
      flags: 64,
    },
  });
  assert.ok(!JSON.stringify(callback).includes("not_staff"));
});

Deno.test("replyToCallback() leaves files out of the JSON callback", () => {
  const reply = ephemeral({
    content: "x",
    files: [{ name: "a.txt", data: new Uint8Array([1]) }],
  });
  const callback = replyToCallback(reply);
  assert.equal(callback.type, 4);
  assert.ok(callback.type === 4 && !("files" in callback.data));
});

Deno.test("replyToEdit() edits with the body, the refusal embed, or an apology for a modal", () => {
  assert.deepEqual(replyToEdit(ephemeral("Done")), {
    content: "Done",
    allowed_mentions: { parse: [] },
  });
  assert.deepEqual(replyToEdit({ kind: "update", body: { content: "New" } }), {
    content: "New",
    allowed_mentions: { parse: [] },
  });
  assert.deepEqual(replyToEdit({ kind: "refused", code: "ticket_limit", text: "Limit" }), {
    embeds: [{ description: "Limit", color: REFUSAL_COLOR }],
    allowed_mentions: { parse: [] },
  });
  const apology = replyToEdit({
    kind: "modal",
    modal: { custom_id: "m", title: "t", components: [] },
  });
  assert.equal(apology.embeds?.[0]?.description, MODAL_AFTER_DEFER_TEXT);
});
