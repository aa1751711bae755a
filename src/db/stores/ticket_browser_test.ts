import assert from "node:assert/strict";
import { guildId, messageId, userId } from "../../core/ids.ts";
import type { Ticket } from "../../core/model.ts";
import type { Stores, WebStores } from "../../core/ports.ts";
import { DIALECTS, type TestDialect } from "../../../tests/fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../../../tests/fixtures/store_suite.ts";
import { createWebStores } from "./web_stores.ts";

const AT = new Date(Date.UTC(2026, 0, 2, 9, 0, 0));

async function archive(stores: Stores, ticket: Ticket, content: string): Promise<string> {
  const id = fresh();
  await stores.archive.add({
    ticketId: ticket.id,
    messageId: messageId(id),
    authorId: ticket.openerId,
    payload: JSON.stringify({ id, content }),
    createdAt: AT,
  });
  return id;
}

type OpenDatabase = Awaited<ReturnType<TestDialect["open"]>>;

/** A test on a fresh database of `dialect`, with its stores and the web stores. */
function webStoreTest(
  dialect: TestDialect,
  name: string,
  fn: (db: OpenDatabase, web: WebStores) => Promise<void>,
): void {
  Deno.test({
    name: dialectLabel(dialect, name),
    ignore: dialect.skip !== null,
    async fn() {
      const db = await dialect.open();
      try {
        await fn(db, createWebStores(db));
      } finally {
        await db.close();
      }
    },
  });
}

for (const dialect of DIALECTS) {
  webStoreTest(
    dialect,
    "inGuild() finds tickets by the words of their messages",
    async (db, web) => {
      const guild = guildId(fresh());
      const parcel = await openFor(db.stores, guild, { opener: userId(fresh()) });
      const refund = await openFor(db.stores, guild, { opener: userId(fresh()) });
      await archive(db.stores, parcel, "My parcel never arrived in Zürich");
      const edited = await archive(db.stores, refund, "Where is my invoice?");
      const page = { offset: 0, limit: 10 };
      const found = async (text: string) =>
        (await web.browser.inGuild(guild, { text }, page)).map((t) => t.number);

      assert.deepEqual(await found("PARCEL arrived"), [parcel.number]);
      assert.deepEqual(await found("invoice"), [refund.number]);
      assert.deepEqual(await found("parcel invoice"), [], "every word must match");
      assert.deepEqual(await found('"parcel* +(arrived)'), [parcel.number], "syntax is dropped");
      assert.deepEqual(await found(""), [refund.number, parcel.number]);

      await db.stores.archive.markEdited(
        messageId(edited),
        JSON.stringify({ content: "I need a refund" }),
        AT,
      );
      assert.deepEqual(await found("invoice"), [], "the edit replaced the old words");
      assert.deepEqual(await found("refund"), [refund.number]);
      await db.stores.archive.markDeleted(messageId(edited), AT);
      assert.deepEqual(await found("refund"), [], "a deleted message is not found");
    },
  );

  webStoreTest(dialect, "involving() and the filters list the right tickets", async (db, web) => {
    const guild = guildId(fresh());
    const alice = userId(fresh());
    const bob = userId(fresh());
    const staff = userId(fresh());
    const own = await openFor(db.stores, guild, { opener: alice });
    const added = await openFor(db.stores, guild, { opener: bob });
    await openFor(db.stores, guild, { opener: userId(fresh()) });
    await db.stores.tickets.addMember({
      ticketId: added.id,
      userId: alice,
      addedBy: bob,
      addedAt: AT,
    });
    await db.stores.tickets.claim(own.id, staff, null);
    await db.stores.audit.record({
      guildId: guild,
      ticketId: own.id,
      actorId: staff,
      action: "ticket.claim",
      detail: {},
    });

    const mine = await web.browser.involving(alice, 50);
    assert.deepEqual(mine.map((t) => t.id), [added.id, own.id]);
    const page = { offset: 0, limit: 10 };
    const claimed = await web.browser.inGuild(guild, { claimedBy: staff }, page);
    assert.deepEqual(claimed.map((t) => t.id), [own.id]);
    const byBob = await web.browser.inGuild(guild, { openerId: bob, status: "open" }, page);
    assert.deepEqual(byBob.map((t) => t.id), [added.id]);
    const second = await web.browser.inGuild(guild, {}, { offset: 1, limit: 1 });
    assert.deepEqual(second.map((t) => t.id), [added.id]);
    assert.ok((await web.browser.guildsWithTypes()).includes(guild));
    assert.equal((await web.browser.typesOf(guild)).length, 1);
    const trail = await web.browser.auditTrail(own.id);
    assert.deepEqual(trail.map((e) => e.action), ["ticket.claim"]);
  });

  webStoreTest(
    dialect,
    "share links are listed until they expire or are revoked",
    async (db, web) => {
      const ticket = await openFor(db.stores, guildId(fresh()), { opener: userId(fresh()) });
      const staff = userId(fresh());
      const day = 24 * 3600_000;
      for (const id of ["link-a", "link-b"]) {
        await web.shareLinks.create({
          id,
          ticketId: ticket.id,
          createdBy: staff,
          createdAt: AT,
          expiresAt: new Date(AT.getTime() + 7 * day),
        });
      }
      const active = (at: number) =>
        web.shareLinks.activeFor(ticket.id, new Date(at)).then((l) => l.map((x) => x.id).sort());
      assert.deepEqual(await active(AT.getTime()), ["link-a", "link-b"]);
      assert.equal(await web.shareLinks.revoke(ticket.id, "link-a", staff, AT), true);
      assert.equal(await web.shareLinks.revoke(ticket.id, "link-a", staff, AT), false);
      assert.deepEqual(await active(AT.getTime()), ["link-b"]);
      assert.deepEqual(await active(AT.getTime() + 8 * day), []);
      assert.equal((await web.shareLinks.get("link-a"))?.revokedAt?.getTime(), AT.getTime());
      assert.equal(await web.shareLinks.get("missing"), null);
    },
  );
}

for (const dialect of DIALECTS) {
  webStoreTest(dialect, "inGuild() filters by priority", async (db, web) => {
    const guild = guildId(fresh());
    const calm = await openFor(db.stores, guild, { opener: userId(fresh()) });
    const urgent = await openFor(db.stores, guild, { opener: userId(fresh()) });
    await db.stores.tickets.setPriority(urgent.id, "urgent");
    const page = { offset: 0, limit: 10 };
    const numbers = async (filter: Parameters<WebStores["browser"]["inGuild"]>[1]) =>
      (await web.browser.inGuild(guild, filter, page)).map((t) => t.number);
    assert.deepEqual(await numbers({ priority: "urgent" }), [urgent.number]);
    assert.deepEqual(await numbers({ priority: "normal" }), [calm.number]);
    assert.deepEqual(await numbers({ priority: "low" }), []);
    assert.deepEqual(await numbers({}), [urgent.number, calm.number]);
  });
}
