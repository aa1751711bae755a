import assert from "node:assert/strict";
import { guildId, roleId, userId } from "../core/ids.ts";
import type { Ticket, TicketType } from "../core/model.ts";
import { isGuildStaff, ticketAccess } from "./ticket_access.ts";

const guild = guildId("100000000000000001");
const opener = userId("100000000000000002");
const added = userId("100000000000000003");
const staff = userId("100000000000000004");
const stranger = userId("100000000000000005");
const support = roleId("100000000000000006");

const ticket = { id: 1, guildId: guild, openerId: opener } as unknown as Ticket;
const type = { staffRoleIds: [support] } as unknown as TicketType;
const members = [{ ticketId: ticket.id, userId: added, addedBy: opener, addedAt: new Date(0) }];
const member = (id: typeof opener, roles = [] as (typeof support)[], admin = false) => ({
  userId: id,
  viewer: { userId: id, roles, admin },
  type,
  members,
});

Deno.test("ticketAccess() lets the opener, added members, staff and admins in", () => {
  assert.equal(ticketAccess(ticket, member(opener)), "participant");
  assert.equal(ticketAccess(ticket, { ...member(opener), viewer: null }), "participant");
  assert.equal(ticketAccess(ticket, member(added)), "participant");
  assert.equal(ticketAccess(ticket, member(staff, [support])), "staff");
  assert.equal(ticketAccess(ticket, member(stranger, [], true)), "staff");
});

Deno.test("ticketAccess() refuses everyone else", () => {
  assert.equal(ticketAccess(ticket, member(stranger)), null);
  assert.equal(ticketAccess(ticket, { ...member(stranger), viewer: null }), null);
  assert.equal(ticketAccess(ticket, { ...member(staff, [support]), type: null }), null);
});

Deno.test("isGuildStaff() needs a staff role of a type or Manage Server", () => {
  assert.equal(isGuildStaff(member(staff, [support]).viewer, [type]), true);
  assert.equal(isGuildStaff(member(stranger, [], true).viewer, []), true);
  assert.equal(isGuildStaff(member(stranger).viewer, [type]), false);
  assert.equal(isGuildStaff(null, [type]), false);
});
