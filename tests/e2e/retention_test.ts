/**
 * Retention in the running bot: its periodic pass empties a ticket whose type's
 * retention ran out and deletes a guild left more than 30 days ago; a guild the
 * bot is removed from is dated at once and forgotten when it is invited back.
 */
import assert from "node:assert/strict";
import { guildId } from "../../src/core/ids.ts";
import type { Stores } from "../../src/core/ports.ts";
import { closedTicketWithContent, keepsContent } from "../fixtures/retained_ticket.ts";
import { fresh } from "../fixtures/store_suite.ts";
import { startWorld } from "./boot.ts";
import { eventually, setUpGuild } from "./world.ts";

const DAY_MS = 86_400_000;

/** Whether the bot has `guild` recorded as left, by the database's clock. */
async function departed(stores: Stores, guild: string): Promise<boolean> {
  const soon = new Date((await stores.databaseClock.now()).getTime() + 1_000);
  return (await stores.retention.guildsLeftBefore(soon, 1_000)).includes(guildId(guild));
}

Deno.test("the bot's periodic pass deletes what retention no longer keeps", async () => {
  await using world = await startWorld({ start: { reconcileIntervalMs: 30 } });
  const stores = world.app.stores;
  const now = (await stores.databaseClock.now()).getTime();
  const guild = guildId(fresh());
  const type = await stores.types.defaultFor(guild);
  await stores.types.update(type.id, { retentionDays: 1 });
  const due = await closedTicketWithContent(stores, {
    guildId: guild,
    closedAt: new Date(now - 2 * DAY_MS),
  });
  const kept = await closedTicketWithContent(stores, { guildId: guild, closedAt: new Date(now) });
  const gone = guildId(fresh());
  const goneTicket = await closedTicketWithContent(stores, {
    guildId: gone,
    closedAt: new Date(now),
  });
  await stores.retention.recordDeparture(gone, new Date(now - 31 * DAY_MS));

  await eventually(
    world.fake,
    async () => (await stores.tickets.get(due.id))?.expiredAt != null,
    5_000,
    "the expiry",
  );
  assert.equal(await keepsContent(stores, due), false);
  await eventually(
    world.fake,
    async () => (await stores.tickets.get(goneTicket.id)) === null,
    5_000,
    "the deletion",
  );
  assert.deepEqual(await stores.audit.recent(gone, 10), []);
  assert.equal(await keepsContent(stores, kept), true);
});

Deno.test("a guild that removes the bot is dated, and forgotten when it invites the bot back", async () => {
  await using world = await startWorld({ start: { reconcileIntervalMs: 30 } });
  const { fake } = world;
  const place = await setUpGuild(fake, 0);
  fake.removeBot(place.guild);
  await eventually(
    world.fake,
    () => departed(world.app.stores, place.guild),
    5_000,
    "the departure",
  );
  fake.inviteBotBack(place.guild);
  await eventually(
    world.fake,
    async () => !(await departed(world.app.stores, place.guild)),
    5_000,
    "the return",
  );
});
