import assert from "node:assert/strict";
import { roleId } from "../ids.ts";
import { mayOpen } from "./may_open.ts";

const VIP = roleId("100000000000000001");
const MUTED = roleId("100000000000000002");
const OTHER = roleId("100000000000000003");
const WEDNESDAY_NOON = new Date("2026-01-14T11:00:00Z");
const SATURDAY = new Date("2026-01-17T11:00:00Z");
const open = { requiredRoleIds: [], blockedRoleIds: [], supportHours: null };

Deno.test("mayOpen() lets anyone open a type without rules", () => {
  assert.deepEqual(mayOpen(open, { roles: [], at: SATURDAY }), { kind: "allowed" });
});

Deno.test("mayOpen() refuses a member without one of the required roles", () => {
  const type = { ...open, requiredRoleIds: [VIP] };
  assert.deepEqual(mayOpen(type, { roles: [OTHER], at: SATURDAY }), {
    kind: "missing_role",
    roleIds: [VIP],
  });
  assert.deepEqual(mayOpen(type, { roles: [OTHER, VIP], at: SATURDAY }), { kind: "allowed" });
});

Deno.test("mayOpen() refuses a member with a blocked role, even with a required one", () => {
  const type = { ...open, requiredRoleIds: [VIP], blockedRoleIds: [MUTED] };
  assert.deepEqual(mayOpen(type, { roles: [VIP, MUTED], at: SATURDAY }), {
    kind: "blocked_role",
    roleId: MUTED,
  });
});

Deno.test("mayOpen() blocks or warns outside support hours as the type says", () => {
  const hours = { schedule: "Mon-Fri 09:00-17:00 Europe/Berlin", policy: "block" as const };
  const blocking = { ...open, supportHours: hours };
  const warning = { ...open, supportHours: { ...hours, policy: "warn" as const } };
  const monday = new Date("2026-01-19T08:00:00Z");
  assert.deepEqual(mayOpen(blocking, { roles: [], at: WEDNESDAY_NOON }), { kind: "allowed" });
  assert.deepEqual(mayOpen(blocking, { roles: [], at: SATURDAY }), {
    kind: "outside_hours",
    backAt: monday,
  });
  assert.deepEqual(mayOpen(warning, { roles: [], at: SATURDAY }), {
    kind: "warn_outside_hours",
    backAt: monday,
  });
});
