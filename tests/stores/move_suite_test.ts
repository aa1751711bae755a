/**
 * A ticket's move to another type, on every database in `DIALECTS`: the type
 * and the claim change together, only from what the mover saw, and never to a
 * deleted type or another guild's.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { defaultTypeSettings } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "changeType() moves a ticket and its claim by compare-and-set"),
    ignore: dialect.skip !== null,
    async fn() {
      const { stores, close } = await dialect.open();
      try {
        const guild = guildId(fresh());
        const from = await stores.types.defaultFor(guild);
        const created = await stores.types.create(guild, defaultTypeSettings("Billing"));
        if (created.kind !== "created") throw new Error(`not created: ${created.kind}`);
        const to = created.type;
        const staff = userId(fresh());
        const ticket = await openFor(stores, guild, { opener: userId(fresh()) });
        assert.ok(await stores.tickets.claim(ticket.id, staff, null));

        // A mover who saw another claim, or another type, changes nothing.
        const stale = { from: from.id, to: to.id, claimedBy: null, claimTo: null };
        assert.equal(await stores.tickets.changeType(ticket.id, stale), false);
        const wrongType = { from: to.id, to: from.id, claimedBy: staff, claimTo: staff };
        assert.equal(await stores.tickets.changeType(ticket.id, wrongType), false);
        assert.equal((await stores.tickets.get(ticket.id))?.typeId, from.id);

        const moved = { from: from.id, to: to.id, claimedBy: staff, claimTo: null };
        assert.equal(await stores.tickets.changeType(ticket.id, moved), true);
        const after = await stores.tickets.get(ticket.id);
        assert.equal(after?.typeId, to.id);
        assert.equal(after?.claimedBy, null);

        // Another guild's type, and a deleted one, are never a destination.
        const elsewhere = await stores.types.defaultFor(guildId(fresh()));
        const abroad = { from: to.id, to: elsewhere.id, claimedBy: null, claimTo: null };
        assert.equal(await stores.tickets.changeType(ticket.id, abroad), false);
        const extra = await stores.types.create(guild, defaultTypeSettings("Appeal"));
        if (extra.kind !== "created") throw new Error(`not created: ${extra.kind}`);
        assert.equal((await stores.types.remove(extra.type.id)).kind, "deleted");
        const gone = { from: to.id, to: extra.type.id, claimedBy: null, claimTo: null };
        assert.equal(await stores.tickets.changeType(ticket.id, gone), false);
        assert.equal((await stores.tickets.get(ticket.id))?.typeId, to.id);
      } finally {
        await close();
      }
    },
  });
}
