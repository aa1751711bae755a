import assert from "node:assert/strict";
import {
  BOT_ALLOW,
  PARTICIPANT_ALLOW,
  staffOnlyOverwrites,
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
