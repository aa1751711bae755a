import assert from "node:assert/strict";
import { ticketCategories } from "./reconcile_orphans.ts";
import type { ChannelId, GuildId } from "./ids.ts";
import type { Channel } from "./discord_port.ts";

Deno.test("ticketCategories() finds the category and its numbered overflow categories", () => {
  const category = (id: string, name: string): Channel => ({
    id: id as ChannelId,
    guildId: "1" as GuildId,
    name,
    kind: "category",
    parentId: null,
    position: 0,
    overwrites: [],
  });
  const channels = [
    category("10", "Support"),
    category("11", "Support 2"),
    category("12", "support 3"),
    category("13", "Tickets 4"),
    category("14", "Support archive"),
    category("15", "Supporters 2"),
  ];
  assert.deepEqual([...ticketCategories(channels, "10" as ChannelId)].sort(), [
    "10",
    "11",
    "12",
    "13",
  ]);
  assert.equal(ticketCategories(channels, "99" as ChannelId).size, 0);
});
