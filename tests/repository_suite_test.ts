/**
 * The repository contract, run on every database in `DIALECTS`: atomic ticket
 * numbers and limits under concurrency, exact round trips of every record,
 * compare-and-set updates, locks, and migrations both ways.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import {
  channelId,
  type GuildId,
  guildId,
  messageId,
  roleId,
  type UserId,
  userId,
} from "../src/core/ids.ts";
import { openDatabase } from "../src/db/connect.ts";
import { migrateDown, migrateToLatest } from "../src/db/migrate.ts";
import { createRepository } from "../src/db/repository.ts";
import { MIGRATIONS } from "../migrations/mod.ts";
import type { Ticket, TicketId, TicketTypeId } from "../src/core/model.ts";
import type { TicketRepository } from "../src/core/ports.ts";
import { DIALECTS } from "./fixtures/dialects.ts";
import { openTestRepository } from "./fixtures/test_repository.ts";

let nextSnowflake = 1_000_000_000_000_000n;
/** A fresh snowflake string, so steps sharing a database never collide. */
function fresh(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

async function openFor(
  repo: TicketRepository,
  guild: GuildId,
  opener: UserId,
  typeId?: TicketTypeId,
): Promise<Ticket> {
  const type = typeId ?? (await repo.defaultTicketType(guild)).id;
  const result = await repo.openTicket({
    guildId: guild,
    typeId: type,
    openerId: opener,
    topic: null,
    answers: [],
  });
  assert.equal(result.kind, "opened");
  return result.ticket;
}

/** Every migration's name, in the order they run. */
const ALL_MIGRATIONS = Object.keys(MIGRATIONS).sort();

/** Text that stresses encodings: emoji (4-byte UTF-8), RTL, combining marks, quotes, NUL-free. */
const AWKWARD =
  "Ünïcødé 🎫🧵👩🏽‍💻 مرحبا بالعالم שלום ‮reversed‬ e\u0301 'quote' \"dq\" \\ `tick` <b>&amp;";

for (const dialect of DIALECTS) {
  const label = (name: string) =>
    dialect.skip === null
      ? `${dialect.name}: ${name}`
      : `${dialect.name}: ${name} (${dialect.skip})`;

  Deno.test({
    name: label("repository keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { repo, db, close } = await dialect.open();
      try {
        await t.step(
          "openTicket() gives one ticket to 50 concurrent opens at limit 1",
          async () => {
            const guild = guildId(fresh());
            const member = userId(fresh());
            const type = await repo.defaultTicketType(guild);
            assert.equal(type.maxOpenPerMember, 1);
            const results = await Promise.all(
              Array.from({ length: 50 }, () =>
                repo.openTicket({
                  guildId: guild,
                  typeId: type.id,
                  openerId: member,
                  topic: null,
                  answers: [],
                })),
            );
            const opened = results.filter((r) => r.kind === "opened");
            assert.equal(opened.length, 1);
            const ticket = opened[0]!.ticket;
            assert.equal(ticket.number, 1);
            for (const result of results) {
              if (result.kind === "opened") continue;
              assert.equal(result.limit, 1);
              assert.deepEqual(result.existing, [ticket]);
            }
            assert.deepEqual(await repo.openTicketsOf(guild, member), [ticket]);
            // The refused opens took no numbers: the next successful open gets 2.
            const other = await openFor(repo, guild, userId(fresh()));
            assert.equal(other.number, 2);
          },
        );

        await t.step("openTicket() numbers 200 concurrent opens 1..200 without gaps", async () => {
          const guild = guildId(fresh());
          const type = await repo.defaultTicketType(guild);
          const results = await Promise.all(
            Array.from({ length: 200 }, () =>
              repo.openTicket({
                guildId: guild,
                typeId: type.id,
                openerId: userId(fresh()),
                topic: null,
                answers: [],
              })),
          );
          const numbers = results.map((r) => {
            assert.equal(r.kind, "opened");
            return r.ticket.number;
          }).sort((a, b) => a - b);
          assert.deepEqual(numbers, Array.from({ length: 200 }, (_, i) => i + 1));
          assert.equal(new Set(results.map((r) => r.kind === "opened" && r.ticket.id)).size, 200);
        });

        await t.step(
          "openTicket() never reuses a discarded number and counts closing tickets",
          async () => {
            const guild = guildId(fresh());
            const member = userId(fresh());
            const type = await repo.defaultTicketType(guild);
            await repo.updateTicketType(type.id, { maxOpenPerMember: 2 });
            const first = await openFor(repo, guild, member);
            await repo.discardTicket(first.id);
            assert.equal(await repo.ticket(first.id), null);
            const second = await openFor(repo, guild, member);
            assert.equal(second.number, 2);
            const third = await openFor(repo, guild, member);
            assert.equal(third.number, 3);
            assert.ok(await repo.beginClose(third.id, member, null));
            const refused = await repo.openTicket({
              guildId: guild,
              typeId: type.id,
              openerId: member,
              topic: null,
              answers: [],
            });
            assert.equal(refused.kind, "limit_reached");
            assert.deepEqual(
              refused.kind === "limit_reached" && refused.existing.map((x) => x.number),
              [2, 3],
            );
            await repo.finishClose(third.id, new Date());
            const fourth = await openFor(repo, guild, member);
            assert.equal(fourth.number, 4);
            // Numbers are per guild.
            const elsewhere = await openFor(repo, guildId(fresh()), member);
            assert.equal(elsewhere.number, 1);
          },
        );

        await t.step("openTicket() refuses a type of another guild", async () => {
          const type = await repo.defaultTicketType(guildId(fresh()));
          await assert.rejects(
            repo.openTicket({
              guildId: guildId(fresh()),
              typeId: type.id,
              openerId: userId(fresh()),
              topic: null,
              answers: [],
            }),
            RangeError,
          );
        });

        await t.step(
          "guild settings and the default type are created once under races",
          async () => {
            const guild = guildId(fresh());
            const [settings, types] = await Promise.all([
              Promise.all(Array.from({ length: 10 }, () => repo.guildSettings(guild))),
              Promise.all(Array.from({ length: 10 }, () => repo.defaultTicketType(guild))),
            ]);
            assert.equal(new Set(types.map((x) => x.id)).size, 1);
            assert.equal(new Set(settings.map((x) => x.createdAt.getTime())).size, 1);
            const defaults = types[0]!;
            assert.equal(defaults.isDefault, true);
            assert.equal(defaults.namingScheme, "ticket-{number}");
            assert.deepEqual(defaults.staffRoleIds, []);
            assert.deepEqual(defaults.questions, []);
            assert.equal(defaults.categoryId, null);
            assert.equal(defaults.welcomeText, null);
            assert.equal(defaults.openersMayAddMembers, false);
            assert.deepEqual(await repo.ticketType(defaults.id), defaults);
            assert.equal(await repo.ticketType(2_000_000_000 as TicketTypeId), null);
          },
        );

        await t.step("every field of every record round-trips", async () => {
          const guild = guildId(fresh());
          const opener = userId(fresh());
          const staff = userId(fresh());
          const long = "x".repeat(1000) + AWKWARD + "🎫".repeat(1000) + "ب".repeat(1000);

          const settings = await repo.updateGuildSettings(guild, {
            logChannelId: channelId(fresh()),
            transcriptDm: false,
          });
          assert.equal(settings.transcriptDm, false);
          assert.deepEqual(await repo.guildSettings(guild), settings);
          const cleared = await repo.updateGuildSettings(guild, { logChannelId: null });
          assert.equal(cleared.logChannelId, null);
          assert.equal(cleared.transcriptDm, false);

          const base = await repo.defaultTicketType(guild);
          const patch = {
            name: AWKWARD,
            categoryId: channelId(fresh()),
            staffRoleIds: [roleId(fresh()), roleId("18446744073709551615")],
            namingScheme: "✨-{username}-{number}-{user_id}",
            welcomeText: long,
            questions: ["Why? 🤔", AWKWARD, "c", "d", "e"],
            maxOpenPerMember: 100,
            openersMayAddMembers: true,
          };
          const type = await repo.updateTicketType(base.id, patch);
          assert.deepEqual(type, { ...base, ...patch });
          assert.deepEqual(await repo.ticketType(base.id), type);
          await assert.rejects(repo.updateTicketType(base.id, { maxOpenPerMember: 0 }), RangeError);

          const panelInput = {
            guildId: guild,
            channelId: channelId(fresh()),
            messageId: messageId(fresh()),
            typeId: type.id,
            title: AWKWARD,
            description: long,
            buttonLabel: "Open 🎫",
            createdBy: staff,
          };
          const panel = await repo.savePanel(panelInput);
          assert.deepEqual(panel, { ...panelInput, id: panel.id, createdAt: panel.createdAt });
          assert.deepEqual(await repo.panelByMessage(panelInput.messageId), panel);
          assert.equal(await repo.panelByMessage(messageId(fresh())), null);

          const answers = [
            { question: "Why? 🤔", answer: long },
            { question: AWKWARD, answer: "" },
          ];
          const before = Date.now();
          const result = await repo.openTicket({
            guildId: guild,
            typeId: type.id,
            openerId: opener,
            topic: long,
            answers,
          });
          assert.equal(result.kind, "opened");
          const opened = result.ticket;
          assert.ok(opened.createdAt.getTime() >= before - 1000);
          assert.deepEqual(opened, {
            id: opened.id,
            guildId: guild,
            number: 1,
            typeId: type.id,
            channelId: null,
            openerId: opener,
            status: "open",
            claimedBy: null,
            topic: long,
            answers,
            createdAt: opened.createdAt,
            closedAt: null,
            closedBy: null,
            closeReason: null,
            closeStep: null,
            assistantPaused: false,
            relayNoticeAt: null,
          });
          const channel = channelId("18446744073709551615");
          const withChannel = await repo.setTicketChannel(opened.id, channel);
          assert.deepEqual(withChannel, { ...opened, channelId: channel });
          assert.deepEqual(await repo.ticketByChannel(channel), withChannel);
          assert.deepEqual(await repo.ticketByNumber(guild, 1), withChannel);
          assert.equal(await repo.ticketByNumber(guild, 2), null);
          assert.equal(await repo.ticketByChannel(channelId(fresh())), null);

          assert.ok(await repo.claimTicket(opened.id, staff, null));
          await repo.setAssistantPaused(opened.id, true);
          const noticeAt = new Date("2031-05-06T07:08:09.123Z");
          assert.ok(await repo.takeRelayNoticeSlot(opened.id, noticeAt, noticeAt));
          assert.ok(await repo.beginClose(opened.id, staff, AWKWARD));
          await repo.recordCloseStep(opened.id, "transcript_stored");
          const closing = await repo.ticket(opened.id);
          assert.deepEqual(closing, {
            ...withChannel,
            status: "closing",
            claimedBy: staff,
            closedBy: staff,
            closeReason: AWKWARD,
            closeStep: "transcript_stored",
            assistantPaused: true,
            relayNoticeAt: noticeAt,
          });
          assert.deepEqual(
            (await repo.ticketsWithStatus(["closing"])).filter((x) => x.guildId === guild),
            [closing],
          );
          const closedAt = new Date("2032-01-01T00:00:00.001Z");
          await repo.recordCloseStep(opened.id, "channel_deleted");
          await repo.finishClose(opened.id, closedAt);
          const closed = await repo.ticket(opened.id);
          assert.deepEqual(closed, {
            ...closing,
            status: "closed",
            closedAt,
            closeStep: "channel_deleted",
          });
          assert.deepEqual(await repo.openTicketsOf(guild, opener), []);
          assert.deepEqual(await repo.ticketsWithStatus([]), []);

          const member = {
            ticketId: opened.id,
            userId: userId(fresh()),
            addedBy: staff,
            addedAt: new Date("2030-02-03T04:05:06.789Z"),
          };
          const second = { ...member, userId: userId(fresh()), addedAt: new Date(2030, 5, 1) };
          assert.equal(await repo.addMember(member), true);
          assert.equal(await repo.addMember(member), false);
          assert.equal(await repo.addMember(second), true);
          assert.deepEqual(await repo.members(opened.id), [member, second]);
          assert.equal(await repo.removeMember(opened.id, member.userId), true);
          assert.equal(await repo.removeMember(opened.id, member.userId), false);
          assert.deepEqual(await repo.members(opened.id), [second]);

          const bytes = new Uint8Array(70_000);
          for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) % 256;
          const attachmentMessage = messageId(fresh());
          const attachment = {
            ticketId: opened.id,
            messageId: attachmentMessage,
            attachmentId: fresh(),
            filename: `${AWKWARD}.bin`,
            contentType: "application/octet-stream",
            size: bytes.length,
            data: bytes,
          };
          const empty = {
            ...attachment,
            attachmentId: fresh(),
            filename: "empty",
            contentType: null,
            size: 0,
            data: new Uint8Array(0),
          };
          await repo.saveAttachment(attachment);
          await repo.saveAttachment(empty);
          await repo.saveAttachment(attachment);
          assert.deepEqual(await repo.attachments(opened.id), [attachment, empty]);

          const author = userId(fresh());
          const payload = JSON.stringify({ content: long, embeds: [{ title: AWKWARD }] });
          const first = {
            ticketId: opened.id,
            messageId: messageId("999"),
            authorId: author,
            payload,
            createdAt: new Date("2030-01-01T00:00:00.000Z"),
          };
          const later = {
            ...first,
            messageId: messageId("1000"),
            payload: "{}",
            createdAt: new Date("2030-01-01T00:00:00.000Z"),
          };
          await repo.archiveMessage(later);
          await repo.archiveMessage(first);
          await repo.archiveMessage({ ...first, payload: "ignored" });
          const editedAt = new Date("2030-01-01T00:01:00.000Z");
          const deletedAt = new Date("2030-01-01T00:02:00.000Z");
          await repo.markMessageEdited(later.messageId, '{"content":"édité ✏️"}', editedAt);
          await repo.markMessageDeleted(first.messageId, deletedAt);
          assert.deepEqual(await repo.archivedMessages(opened.id), [
            { ...first, editedAt: null, deletedAt },
            { ...later, payload: '{"content":"édité ✏️"}', editedAt, deletedAt: null },
          ]);

          await repo.audit({
            guildId: guild,
            ticketId: opened.id,
            actorId: staff,
            action: "ticket.open",
            detail: { topic: AWKWARD, nested: { list: [1, "two", null, true] } },
          });
          await repo.audit({
            guildId: guild,
            ticketId: null,
            actorId: null,
            action: "config.set",
            detail: {},
          });
          const events = await repo.auditEvents(guild, 10);
          assert.equal(events.length, 2);
          assert.deepEqual(events.map((e) => [e.action, e.ticketId, e.actorId]), [
            ["config.set", null, null],
            ["ticket.open", opened.id, staff],
          ]);
          assert.deepEqual(events[1]!.detail, {
            topic: AWKWARD,
            nested: { list: [1, "two", null, true] },
          });
          assert.ok(events[0]!.createdAt instanceof Date);
          assert.equal((await repo.auditEvents(guild, 1)).length, 1);

          assert.equal(await repo.meta(`k-${guild}`), null);
          await repo.setMeta(`k-${guild}`, AWKWARD);
          assert.equal(await repo.meta(`k-${guild}`), AWKWARD);
          await repo.setMeta(`k-${guild}`, long);
          assert.equal(await repo.meta(`k-${guild}`), long);
          assert.equal(await repo.meta(`K-${guild}`), null, "meta keys are case-sensitive");
        });

        await t.step("transcripts round-trip, large ones stored compressed", async () => {
          const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
          const line = `<p class="m">${AWKWARD} ${"🎫".repeat(20)}</p>\n`;
          const html = line.repeat(Math.ceil(3_000_000 / new TextEncoder().encode(line).length));
          const byteSize = new TextEncoder().encode(html).length;
          assert.ok(byteSize >= 3_000_000);
          const text = "plain " + AWKWARD + "\n".repeat(10) + "ب".repeat(50_000);
          await repo.saveTranscript({
            ticketId: ticket.id,
            html,
            text,
            messageCount: 1234,
            byteSize,
          });
          const stored = await repo.transcript(ticket.id);
          assert.ok(stored);
          assert.equal(stored.html, html);
          assert.equal(stored.text, text);
          assert.equal(stored.messageCount, 1234);
          assert.equal(stored.byteSize, byteSize);
          assert.equal(stored.ticketId, ticket.id);
          assert.ok(stored.createdAt instanceof Date);
          const raw = await db.selectFrom("transcripts")
            .select(["compressed", sql<number>`length(html)`.as("stored")])
            .where("ticket_id", "=", ticket.id).executeTakeFirstOrThrow();
          assert.equal(Number(raw.compressed), 1);
          assert.ok(Number(raw.stored) < byteSize / 10, `stored ${raw.stored} bytes`);

          // Saving again replaces; a small transcript is stored as is.
          await repo.saveTranscript({
            ticketId: ticket.id,
            html: "<p>short ✓</p>",
            text: "short ✓",
            messageCount: 1,
            byteSize: 16,
          });
          const small = await repo.transcript(ticket.id);
          assert.equal(small?.html, "<p>short ✓</p>");
          assert.equal(small?.text, "short ✓");
          assert.equal(small?.messageCount, 1);
          const rawSmall = await db.selectFrom("transcripts").select("compressed")
            .where("ticket_id", "=", ticket.id).executeTakeFirstOrThrow();
          assert.equal(Number(rawSmall.compressed), 0);
          assert.equal(await repo.transcript(2_000_000_000 as TicketId), null);
        });

        await t.step("claimTicket() is a compare-and-set", async () => {
          const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
          const a = userId(fresh());
          const b = userId(fresh());
          const claimers = Array.from({ length: 10 }, () => userId(fresh()));
          const wins = await Promise.all(claimers.map((c) => repo.claimTicket(ticket.id, c, null)));
          assert.equal(wins.filter(Boolean).length, 1);
          const winner = claimers[wins.indexOf(true)]!;
          assert.equal((await repo.ticket(ticket.id))?.claimedBy, winner);
          assert.equal(await repo.claimTicket(ticket.id, a, null), false);
          assert.equal(await repo.claimTicket(ticket.id, a, b), false);
          assert.equal(await repo.claimTicket(ticket.id, a, winner), true);
          assert.equal(await repo.claimTicket(ticket.id, null, a), true);
          assert.equal((await repo.ticket(ticket.id))?.claimedBy, null);
          assert.equal(await repo.claimTicket(2_000_000_000 as TicketId, a, null), false);
        });

        await t.step("beginClose() succeeds once among concurrent closes", async () => {
          const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
          const closers = Array.from({ length: 10 }, () => userId(fresh()));
          const wins = await Promise.all(
            closers.map((c, i) => repo.beginClose(ticket.id, c, `reason ${i}`)),
          );
          assert.equal(wins.filter(Boolean).length, 1);
          const i = wins.indexOf(true);
          const closing = await repo.ticket(ticket.id);
          assert.equal(closing?.status, "closing");
          assert.equal(closing?.closedBy, closers[i]);
          assert.equal(closing?.closeReason, `reason ${i}`);
          assert.equal(closing?.closeStep, "requested");
          assert.equal(await repo.beginClose(ticket.id, closers[0]!, null), false);
          await repo.finishClose(ticket.id, new Date());
          assert.equal(await repo.beginClose(ticket.id, closers[0]!, null), false);
        });

        await t.step("takeRelayNoticeSlot() grants one notice per period", async () => {
          const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
          const t0 = new Date("2030-01-01T00:00:00.000Z");
          const t1 = new Date(t0.getTime() + 60_000);
          const t2 = new Date(t0.getTime() + 600_000);
          const firsts = await Promise.all(
            Array.from({ length: 5 }, () => repo.takeRelayNoticeSlot(ticket.id, t0, t0)),
          );
          assert.equal(firsts.filter(Boolean).length, 1);
          // Within the period (the last notice is not older than notBefore): refused.
          assert.equal(await repo.takeRelayNoticeSlot(ticket.id, t1, t0), false);
          assert.equal(
            await repo.takeRelayNoticeSlot(ticket.id, t1, new Date(t0.getTime() - 1)),
            false,
          );
          // After it: granted once.
          assert.equal(
            await repo.takeRelayNoticeSlot(ticket.id, t2, new Date(t0.getTime() + 1)),
            true,
          );
          assert.equal(
            await repo.takeRelayNoticeSlot(ticket.id, t2, new Date(t0.getTime() + 1)),
            false,
          );
          assert.deepEqual((await repo.ticket(ticket.id))?.relayNoticeAt, t2);
        });

        await t.step(
          "ticketTypesWithCategory() lists only types set up with a category",
          async () => {
            const setUp = await repo.defaultTicketType(guildId(fresh()));
            const category = channelId(fresh());
            await repo.updateTicketType(setUp.id, { categoryId: category });
            const bare = await repo.defaultTicketType(guildId(fresh()));
            const listed = await repo.ticketTypesWithCategory();
            assert.ok(listed.some((type) => type.id === setUp.id && type.categoryId === category));
            assert.ok(!listed.some((type) => type.id === bare.id));
          },
        );

        await t.step("countOpenTickets() counts open and closing tickets", async () => {
          const before = await repo.countOpenTickets();
          const guild = guildId(fresh());
          const a = await openFor(repo, guild, userId(fresh()));
          const b = await openFor(repo, guild, userId(fresh()));
          assert.equal(await repo.countOpenTickets(), before + 2);
          await repo.beginClose(a.id, a.openerId, null);
          assert.equal(await repo.countOpenTickets(), before + 2);
          await repo.finishClose(a.id, new Date());
          await repo.discardTicket(b.id);
          assert.equal(await repo.countOpenTickets(), before);
        });

        await t.step("discardTicket() removes the ticket's members and records", async () => {
          const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
          await repo.addMember({
            ticketId: ticket.id,
            userId: userId(fresh()),
            addedBy: ticket.openerId,
            addedAt: new Date(),
          });
          await repo.archiveMessage({
            ticketId: ticket.id,
            messageId: messageId(fresh()),
            authorId: ticket.openerId,
            payload: "{}",
            createdAt: new Date(),
          });
          await repo.discardTicket(ticket.id);
          assert.deepEqual(await repo.members(ticket.id), []);
          assert.deepEqual(await repo.archivedMessages(ticket.id), []);
        });
      } finally {
        await close();
      }
    },
  });

  Deno.test({
    name: label("locks are held by one holder at a time"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      const now = { value: Date.UTC(2030, 0, 1) };
      // Two repositories over the same database (as two processes would be), on a
      // clock the steps move.
      const clock = { now: () => new Date(now.value) };
      const repo = createRepository(handle, { clock });
      const other = createRepository(handle, { clock });
      try {
        await t.step("acquireLock() gives a token to one of two concurrent callers", async () => {
          const key = `job:${fresh()}`;
          const tokens = await Promise.all([
            repo.acquireLock(key, 60_000),
            other.acquireLock(key, 60_000),
          ]);
          const won = tokens.filter((x) => x !== null);
          assert.equal(won.length, 1);
          assert.match(won[0]!, /^[0-9a-f-]{36}$/);
          assert.equal(await repo.acquireLock(key, 60_000), null, "taken while held");
          // Other keys are independent.
          assert.notEqual(await repo.acquireLock(`job:${fresh()}`, 60_000), null);
        });

        await t.step("acquireLock() gives one of 20 concurrent callers the lock", async () => {
          const key = `job:${fresh()}`;
          const tokens = await Promise.all(
            Array.from(
              { length: 20 },
              (_, i) => (i % 2 ? repo : other).acquireLock(key, 60_000),
            ),
          );
          assert.equal(tokens.filter((x) => x !== null).length, 1);
        });

        await t.step("releaseLock() by another holder leaves the lock held", async () => {
          const key = `job:${fresh()}`;
          const token = await repo.acquireLock(key, 60_000);
          assert.ok(token);
          await repo.releaseLock(key, crypto.randomUUID());
          assert.equal(await repo.acquireLock(key, 60_000), null);
          assert.equal(await repo.renewLock(key, crypto.randomUUID(), 60_000), false);
          await repo.releaseLock(key, token);
          const next = await repo.acquireLock(key, 60_000);
          assert.ok(next, "free after its holder released it");
          assert.notEqual(next, token);
          // The first holder's late release does not free the new holder's lock.
          await repo.releaseLock(key, token);
          assert.equal(await repo.acquireLock(key, 60_000), null);
        });

        await t.step("acquireLock() takes an expired lock, for one of 20 callers", async () => {
          const key = `job:${fresh()}`;
          const stale = await repo.acquireLock(key, 1_000);
          assert.ok(stale);
          now.value += 999;
          assert.equal(await repo.acquireLock(key, 1_000), null, "not yet expired");
          now.value += 2;
          const tokens = await Promise.all(
            Array.from({ length: 20 }, () => repo.acquireLock(key, 1_000)),
          );
          const won = tokens.filter((x) => x !== null);
          assert.equal(won.length, 1);
          // The expired holder lost it: renewing and releasing do nothing.
          assert.equal(await repo.renewLock(key, stale, 1_000), false);
          await repo.releaseLock(key, stale);
          assert.equal(await repo.acquireLock(key, 1_000), null);
          await repo.releaseLock(key, won[0]!);
        });

        await t.step("renewLock() keeps a lock held past its first expiry", async () => {
          const key = `job:${fresh()}`;
          const token = await repo.acquireLock(key, 1_000);
          assert.ok(token);
          now.value += 900;
          assert.equal(await repo.renewLock(key, token, 1_000), true);
          // Renewing again at the same instant still counts as held.
          assert.equal(await repo.renewLock(key, token, 1_000), true);
          now.value += 900;
          assert.equal(await repo.acquireLock(key, 1_000), null, "held until 1,900 ms");
          now.value += 101;
          assert.notEqual(await repo.acquireLock(key, 1_000), null, "expired after it");
        });

        await t.step("lock keys keep 191 characters exactly", async () => {
          const key = `k${"é".repeat(189)}${fresh().slice(-1)}`;
          assert.equal(key.length, 191);
          const token = await repo.acquireLock(key, 60_000);
          assert.ok(token);
          assert.equal(await repo.acquireLock(key.toUpperCase(), 60_000) !== null, true);
          await repo.releaseLock(key, token);
          assert.notEqual(await repo.acquireLock(key, 60_000), null);
        });
      } finally {
        await handle.close();
      }
    },
  });

  Deno.test({
    name: label("migrations run up, down and up again"),
    ignore: dialect.skip !== null,
    async fn() {
      const isolated = await dialect.isolate();
      try {
        const handle = await openDatabase(isolated.target, isolated.options);
        try {
          assert.deepEqual(await migrateToLatest(handle), {
            direction: "up",
            applied: ALL_MIGRATIONS,
          });
          assert.deepEqual(await migrateToLatest(handle), { direction: "up", applied: [] });
          const repo = createRepository(handle);
          await repo.setMeta("before", "down");
          assert.deepEqual(await migrateDown(handle), {
            direction: "down",
            applied: [...ALL_MIGRATIONS].reverse(),
          });
          // PostgreSQL lists the tables of every schema: other tests' schemas are not ours.
          const tables = (await handle.db.introspection.getTables()).filter((x) =>
            dialect.name !== "postgres" || x.schema === isolated.options.postgresSchema
          );
          assert.deepEqual(tables.map((x) => x.name), []);
          await migrateToLatest(handle);
          assert.equal(await repo.meta("before"), null);
          await openFor(repo, guildId(fresh()), userId(fresh()));
        } finally {
          await handle.close();
        }
      } finally {
        await isolated.drop();
      }
    },
  });

  if (dialect.name !== "sqlite") {
    Deno.test({
      name: label("two migrators racing on one database apply each migration once"),
      ignore: dialect.skip !== null,
      async fn() {
        const isolated = await dialect.isolate();
        try {
          const a = await openDatabase(isolated.target, isolated.options);
          const b = await openDatabase(isolated.target, isolated.options);
          try {
            const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
            assert.deepEqual([...ra.applied, ...rb.applied].sort(), ALL_MIGRATIONS);
            const rows = await sql<{ name: string }>`select name from kysely_migration`
              .execute(a.db);
            assert.deepEqual(rows.rows.map((r) => r.name).sort(), ALL_MIGRATIONS);
            await openFor(createRepository(b), guildId(fresh()), userId(fresh()));
          } finally {
            await a.close();
            await b.close();
          }
        } finally {
          await isolated.drop();
        }
      },
    });
  }
}

Deno.test("openTestRepository() gives each caller a private migrated database", async () => {
  const first = await openTestRepository();
  const second = await openTestRepository();
  try {
    await openFor(first.repo, guildId(fresh()), userId(fresh()));
    assert.equal(await first.repo.countOpenTickets(), 1);
    assert.equal(await second.repo.countOpenTickets(), 0);
  } finally {
    await first.close();
    await second.close();
  }
});

Deno.test("openTestRepository() stamps records with the given clock", async () => {
  const at = new Date("2030-01-02T03:04:05.678Z");
  const { repo, close } = await openTestRepository({ clock: { now: () => at } });
  try {
    assert.deepEqual((await repo.guildSettings(guildId(fresh()))).createdAt, at);
    const ticket = await openFor(repo, guildId(fresh()), userId(fresh()));
    assert.deepEqual(ticket.createdAt, at);
  } finally {
    await close();
  }
});
