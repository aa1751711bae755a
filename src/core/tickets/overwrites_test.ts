import assert from "node:assert/strict";
import {
  BOT_ALLOW,
  PARTICIPANT_ALLOW,
  READONLY_STAFF_ALLOW,
  READONLY_STAFF_DENY,
  staffOnlyOverwrites,
  ticketChannelOverwrites,
  ticketOverwrites,
} from "./overwrites.ts";
import type { GuildId, RoleId, UserId } from "../ids.ts";
import { Permission } from "../permissions_bits.ts";

const targets = {
  guildId: "10" as GuildId,
  staffRoleIds: ["20" as RoleId, "21" as RoleId],
  botId: "30" as UserId,
  openerId: "40" as UserId,
};
const P = Permission;

Deno.test("ticketOverwrites() hides the channel from everyone but opener, staff and bot", () => {
  const all = P.Administrator;
  assert.deepEqual(ticketOverwrites({ ...targets, botPermissions: all }), [
    { id: "10", type: "role", allow: 0n, deny: P.ViewChannel },
    { id: "40", type: "member", allow: PARTICIPANT_ALLOW, deny: 0n },
    { id: "20", type: "role", allow: PARTICIPANT_ALLOW, deny: 0n },
    { id: "21", type: "role", allow: PARTICIPANT_ALLOW, deny: 0n },
    { id: "30", type: "member", allow: BOT_ALLOW, deny: 0n },
  ]);
  assert.equal(
    PARTICIPANT_ALLOW,
    P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AttachFiles | P.EmbedLinks,
  );
  assert.equal(BOT_ALLOW, PARTICIPANT_ALLOW | P.ManageChannels | P.ManageRoles);
});

Deno.test("ticketOverwrites() masks every bit to what the bot holds", () => {
  const bot = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.ManageChannels |
    P.ManageRoles;
  const list = ticketOverwrites({ ...targets, botPermissions: bot });
  for (const overwrite of list) {
    assert.equal(overwrite.allow & ~bot, 0n, overwrite.id);
    assert.equal(overwrite.deny & ~bot, 0n, overwrite.id);
  }
  assert.equal(
    list.find((o) => o.id === "40")?.allow,
    P.ViewChannel | P.SendMessages | P.ReadMessageHistory,
  );
  // Never Manage Roles: Discord refuses it in an overwrite from a bot that is not Administrator.
  assert.equal(list.find((o) => o.id === "30")?.allow, bot & ~P.ManageRoles);
});

Deno.test("staffOnlyOverwrites() leaves the opener out and lists a staff role once", () => {
  const list = staffOnlyOverwrites({
    ...targets,
    staffRoleIds: ["20" as RoleId, "20" as RoleId],
    botPermissions: P.Administrator,
  });
  assert.deepEqual(list.map((o) => o.id), ["10", "20", "30"]);
});

Deno.test("ticketOverwrites() denies @everyone View Channel even when the mask lacks View Channel", () => {
  // The permissions of a bot in a channel it cannot see: Discord sends 0 there.
  const list = ticketOverwrites({ ...targets, botPermissions: 0n });
  assert.deepEqual(list.find((o) => o.id === "10"), {
    id: "10",
    type: "role",
    allow: 0n,
    deny: P.ViewChannel,
  });
});

const access = {
  guildId: "10" as GuildId,
  staffRoleIds: ["20" as RoleId],
  botId: "30" as UserId,
  openerId: "40" as UserId,
  memberIds: ["41" as UserId],
  claimerId: "50" as UserId,
  botPermissions: P.Administrator,
};
const everyone = { id: "10", type: "role", allow: 0n, deny: P.ViewChannel };
const person = (id: string) => ({ id, type: "member", allow: PARTICIPANT_ALLOW, deny: 0n });
const bot = { id: "30", type: "member", allow: BOT_ALLOW, deny: 0n };

Deno.test("ticketChannelOverwrites() in open mode: a claim is a label, staff roles keep full access", () => {
  assert.deepEqual(ticketChannelOverwrites({ ...access, claimMode: "open" }), [
    everyone,
    person("40"),
    person("41"),
    { id: "20", type: "role", allow: PARTICIPANT_ALLOW, deny: 0n },
    bot,
  ]);
});

Deno.test("ticketChannelOverwrites() in hide mode: staff roles lose View Channel, the claimer keeps it", () => {
  assert.deepEqual(ticketChannelOverwrites({ ...access, claimMode: "hide" }), [
    everyone,
    person("40"),
    person("41"),
    person("50"),
    { id: "20", type: "role", allow: 0n, deny: P.ViewChannel },
    bot,
  ]);
});

Deno.test("ticketChannelOverwrites() in readonly mode: staff roles read, the claimer writes", () => {
  assert.deepEqual(ticketChannelOverwrites({ ...access, claimMode: "readonly" }), [
    everyone,
    person("40"),
    person("41"),
    person("50"),
    { id: "20", type: "role", allow: READONLY_STAFF_ALLOW, deny: READONLY_STAFF_DENY },
    bot,
  ]);
});

Deno.test("ticketChannelOverwrites() without a claim gives staff full access in every mode", () => {
  const open = ticketChannelOverwrites({ ...access, claimerId: null, claimMode: "open" });
  for (const claimMode of ["hide", "readonly"] as const) {
    assert.deepEqual(ticketChannelOverwrites({ ...access, claimerId: null, claimMode }), open);
  }
});

Deno.test("ticketChannelOverwrites() lists a person once and never the bot as a person", () => {
  const list = ticketChannelOverwrites({
    ...access,
    memberIds: ["40" as UserId, "30" as UserId, "41" as UserId],
    claimerId: "41" as UserId,
    claimMode: "hide",
  });
  assert.deepEqual(list.map((o) => o.id), ["10", "40", "41", "20", "30"]);
});

Deno.test("ticketChannelOverwrites() denies only what the bot holds in readonly mode", () => {
  const held = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.ManageChannels |
    P.ManageRoles;
  const list = ticketChannelOverwrites({ ...access, botPermissions: held, claimMode: "readonly" });
  const role = list.find((o) => o.id === "20");
  assert.deepEqual(role, {
    id: "20",
    type: "role",
    allow: P.ViewChannel | P.ReadMessageHistory,
    deny: P.SendMessages,
  });
  for (const overwrite of list.slice(1)) {
    assert.equal((overwrite.allow | overwrite.deny) & ~(held & ~P.ManageRoles), 0n);
  }
});
