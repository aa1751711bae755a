import assert from "node:assert/strict";
import { ACCESS_TABLE, allowed, can, renderAccessTable, rolesOf } from "./access.ts";
import type { MemberRef } from "./interaction.ts";
import type { RoleId, UserId } from "./ids.ts";
import { Permission } from "./permissions_bits.ts";
import type { Ticket, TicketType } from "./model.ts";

const STAFF_ROLE = "900" as RoleId;
const member = (
  id: string,
  options: { roles?: RoleId[]; permissions?: bigint } = {},
): MemberRef => ({
  user: { id: id as UserId, username: id, globalName: null, avatar: null, bot: false },
  nick: null,
  roles: options.roles ?? [],
  permissions: options.permissions ?? Permission.ViewChannel,
});
const type = (openersMayAddMembers: boolean) =>
  ({ staffRoleIds: [STAFF_ROLE], openersMayAddMembers }) as TicketType;
const ticket = { openerId: "1" as UserId } as Ticket;

Deno.test("rolesOf() counts Manage Server and Administrator as admin and staff", () => {
  assert.deepEqual(
    [...rolesOf(member("5", { permissions: Permission.ManageGuild }))].sort(),
    ["admin", "member", "staff"],
  );
  assert.deepEqual(
    [...rolesOf(member("5", { permissions: Permission.Administrator }))].sort(),
    ["admin", "member", "staff"],
  );
  assert.deepEqual([...rolesOf(member("5"))], ["member"]);
  assert.deepEqual(
    [...rolesOf(member("1", { roles: [STAFF_ROLE] }), { type: type(false), ticket })].sort(),
    ["member", "opener", "staff"],
  );
});

Deno.test("allowed() follows the table for staff, opener and stranger", () => {
  const staff = member("2", { roles: [STAFF_ROLE] });
  const opener = member("1");
  const stranger = member("3");
  const scope = { type: type(false), ticket };
  for (const action of ["add", "remove", "claim", "unclaim", "close", "assistant"] as const) {
    assert.equal(allowed(action, staff, scope), true, action);
    assert.equal(allowed(action, stranger, scope), false, action);
  }
  assert.equal(allowed("close", opener, scope), true);
  assert.equal(allowed("claim", opener, scope), false);
  assert.equal(allowed("add", opener, scope), false);
  assert.equal(allowed("add", opener, { type: type(true), ticket }), true);
  assert.equal(allowed("remove", opener, { type: type(true), ticket }), true);
  assert.equal(allowed("setup", staff, scope), false);
  assert.equal(allowed("open", stranger), true);
});

Deno.test("can() grants every admin action only to admins", () => {
  for (const action of ["setup", "config", "panel"] as const) {
    assert.equal(can(action, new Set(["admin", "member"])), true);
    assert.equal(can(action, new Set(["staff", "opener", "member"])), false);
  }
});

Deno.test("renderAccessTable() lists every action and role", () => {
  const text = renderAccessTable();
  for (const action of Object.keys(ACCESS_TABLE)) {
    assert.match(text, new RegExp(`^${action} `, "m"));
  }
  assert.match(text, /admin +staff +opener +member/);
  assert.match(text, /^add .*if allowed/m);
});
