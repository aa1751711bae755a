/**
 * Every record of every store round-trips exactly on every database in `DIALECTS`.
 */
import assert from "node:assert/strict";
import { channelId, guildId, messageId, roleId, userId } from "../../src/core/ids.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { AWKWARD, dialectLabel, fresh } from "../fixtures/store_suite.ts";
import { shortQuestion } from "../../src/core/types/short_question.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "every store round-trips its records"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      try {
        await t.step("every field of every record round-trips", async () => {
          const guild = guildId(fresh());
          const opener = userId(fresh());
          const staff = userId(fresh());
          const long = "x".repeat(1000) + AWKWARD + "🎫".repeat(1000) + "ب".repeat(1000);

          const settings = await stores.settings.updateGuild(guild, {
            logChannelId: channelId(fresh()),
            transcriptDm: false,
          });
          assert.equal(settings.transcriptDm, false);
          assert.deepEqual(await stores.settings.guild(guild), settings);
          const cleared = await stores.settings.updateGuild(guild, { logChannelId: null });
          assert.equal(cleared.logChannelId, null);
          assert.equal(cleared.transcriptDm, false);

          const base = await stores.types.defaultFor(guild);
          const patch = {
            name: AWKWARD,
            categoryId: channelId(fresh()),
            staffRoleIds: [roleId(fresh()), roleId("18446744073709551615")],
            namingScheme: "✨-{username}-{number}-{user_id}",
            // The longest welcome text a type takes, in awkward characters.
            welcomeText: AWKWARD + "🎫".repeat(900) + "ب".repeat(2000 - AWKWARD.length - 1800),
            questions: ["Why? 🤔", AWKWARD.slice(0, 45), "c", "d", "e"].map(shortQuestion),
            maxOpenPerMember: 100,
            openersMayAddMembers: true,
          };
          const type = await stores.types.update(base.id, patch);
          assert.deepEqual(type, { ...base, ...patch });
          assert.deepEqual(await stores.types.get(base.id), type);
          await assert.rejects(stores.types.update(base.id, { maxOpenPerMember: 0 }), RangeError);

          const panelInput = {
            guildId: guild,
            channelId: channelId(fresh()),
            messageId: messageId(fresh()),
            typeIds: [type.id],
            style: "buttons" as const,
            title: AWKWARD,
            description: long,
            buttonLabel: "Open 🎫",
            createdBy: staff,
          };
          const panel = await stores.panels.save(panelInput);
          assert.deepEqual(panel, {
            ...panelInput,
            id: panel.id,
            typeId: type.id,
            createdAt: panel.createdAt,
          });
          assert.deepEqual(await stores.panels.byMessage(panelInput.messageId), panel);
          assert.equal(await stores.panels.byMessage(messageId(fresh())), null);

          const answers = [
            { question: "Why? 🤔", answer: long },
            { question: AWKWARD, answer: "" },
          ];
          const before = Date.now();
          const result = await stores.tickets.open({
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
            priority: "normal",
            waitingFor: null,
            expiredAt: null,
            reopenCount: 0,
          });
          const channel = channelId("18446744073709551615");
          const withChannel = await stores.tickets.setChannel(opened.id, channel);
          assert.deepEqual(withChannel, { ...opened, channelId: channel });
          assert.deepEqual(await stores.tickets.byChannel(channel), withChannel);
          assert.deepEqual(await stores.tickets.byNumber(guild, 1), withChannel);
          assert.equal(await stores.tickets.byNumber(guild, 2), null);
          assert.equal(await stores.tickets.byChannel(channelId(fresh())), null);

          assert.ok(await stores.tickets.claim(opened.id, staff, null));
          await stores.tickets.setAssistantPaused(opened.id, true);
          const noticeAt = new Date("2031-05-06T07:08:09.123Z");
          assert.ok(await stores.tickets.takeRelayNoticeSlot(opened.id, noticeAt, noticeAt));
          await stores.tickets.setPriority(opened.id, "high");
          await stores.tickets.setWaitingFor(opened.id, "member");
          assert.ok(await stores.tickets.beginClose(opened.id, staff, AWKWARD));
          await stores.tickets.recordCloseStep(opened.id, "transcript_stored");
          const closing = await stores.tickets.get(opened.id);
          assert.deepEqual(closing, {
            ...withChannel,
            status: "closing",
            claimedBy: staff,
            closedBy: staff,
            closeReason: AWKWARD,
            closeStep: "transcript_stored",
            assistantPaused: true,
            relayNoticeAt: noticeAt,
            priority: "high",
            waitingFor: "member",
          });
          assert.deepEqual(
            (await stores.tickets.withStatus(["closing"])).filter((x) => x.guildId === guild),
            [closing],
          );
          const closedAt = new Date("2032-01-01T00:00:00.001Z");
          await stores.tickets.recordCloseStep(opened.id, "channel_deleted");
          await stores.tickets.finishClose(opened.id, closedAt);
          const closed = await stores.tickets.get(opened.id);
          assert.deepEqual(closed, {
            ...closing,
            status: "closed",
            closedAt,
            closeStep: "channel_deleted",
          });
          assert.deepEqual(await stores.tickets.heldBy(guild, opener), []);
          assert.deepEqual(await stores.tickets.withStatus([]), []);

          const member = {
            ticketId: opened.id,
            userId: userId(fresh()),
            addedBy: staff,
            addedAt: new Date("2030-02-03T04:05:06.789Z"),
          };
          const second = { ...member, userId: userId(fresh()), addedAt: new Date(2030, 5, 1) };
          assert.equal(await stores.tickets.addMember(member), true);
          assert.equal(await stores.tickets.addMember(member), false);
          assert.equal(await stores.tickets.addMember(second), true);
          assert.deepEqual(await stores.tickets.members(opened.id), [member, second]);
          assert.equal(await stores.tickets.removeMember(opened.id, member.userId), true);
          assert.equal(await stores.tickets.removeMember(opened.id, member.userId), false);
          assert.deepEqual(await stores.tickets.members(opened.id), [second]);

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
          await stores.transcripts.saveAttachment(attachment);
          await stores.transcripts.saveAttachment(empty);
          await stores.transcripts.saveAttachment(attachment);
          assert.deepEqual(await stores.transcripts.attachments(opened.id), [attachment, empty]);

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
          await stores.archive.add(later);
          await stores.archive.add(first);
          await stores.archive.add({ ...first, payload: "ignored" });
          const editedAt = new Date("2030-01-01T00:01:00.000Z");
          const deletedAt = new Date("2030-01-01T00:02:00.000Z");
          await stores.archive.markEdited(later.messageId, '{"content":"édité ✏️"}', editedAt);
          await stores.archive.markDeleted(first.messageId, deletedAt);
          assert.deepEqual(await stores.archive.messages(opened.id), [
            { ...first, editedAt: null, deletedAt },
            { ...later, payload: '{"content":"édité ✏️"}', editedAt, deletedAt: null },
          ]);
          // Pages go by id as a number ("999" before "1000"), from after the cursor.
          const ids = async (after: string | null, limit: number) =>
            (await stores.archive.page(opened.id, after === null ? null : messageId(after), limit))
              .map((m) => [m.messageId, m.payload, m.deletedAt]);
          assert.deepEqual(await ids(null, 1), [["999", payload, deletedAt]]);
          assert.deepEqual(await ids("999", 1), [["1000", '{"content":"édité ✏️"}', null]]);
          assert.deepEqual(await ids("1000", 1), []);
          assert.deepEqual((await ids(null, 5)).map(([id]) => id), ["999", "1000"]);

          await stores.audit.record({
            guildId: guild,
            ticketId: opened.id,
            actorId: staff,
            action: "ticket.open",
            detail: { topic: AWKWARD, nested: { list: [1, "two", null, true] } },
          });
          await stores.audit.record({
            guildId: guild,
            ticketId: null,
            actorId: null,
            action: "config.set",
            detail: {},
          });
          const events = await stores.audit.recent(guild, 10);
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
          assert.equal((await stores.audit.recent(guild, 1)).length, 1);

          assert.equal(await stores.settings.meta(`k-${guild}`), null);
          await stores.settings.setMeta(`k-${guild}`, AWKWARD);
          assert.equal(await stores.settings.meta(`k-${guild}`), AWKWARD);
          await stores.settings.setMeta(`k-${guild}`, long);
          assert.equal(await stores.settings.meta(`k-${guild}`), long);
          assert.equal(
            await stores.settings.meta(`K-${guild}`),
            null,
            "meta keys are case-sensitive",
          );
          await stores.settings.setMeta(`p_${guild}:a`, "1");
          await stores.settings.setMeta(`pX${guild}:b`, "1");
          await stores.settings.setMeta(`P_${guild}:c`, "1");
          assert.deepEqual(
            (await stores.settings.metaWithPrefix(`p_${guild}:`)).map((r) => r.key),
            [`p_${guild}:a`],
            "a prefix matches literally and case-sensitively, wildcards included",
          );
          const reader = userId(fresh());
          await stores.settings.rememberLocale(reader, "fr");
          await stores.settings.rememberLocale(reader, "fr");
          assert.equal(await stores.settings.memberLocale(reader), "fr");
          await stores.settings.rememberLocale(reader, "de");
          assert.equal(
            await stores.settings.memberLocale(reader),
            "de",
            "a new locale replaces it",
          );
        });
      } finally {
        await close();
      }
    },
  });
}
