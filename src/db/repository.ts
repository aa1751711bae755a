/**
 * The `TicketRepository` over Kysely: plain queries over `db` or a transaction,
 * the same on SQLite, PostgreSQL and MySQL/MariaDB.
 */
import {
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  sql,
  type Transaction,
} from "kysely";
import type { GuildId, MessageId } from "../core/ids.ts";
import type { Clock, TicketRepository } from "../core/ports.ts";
import {
  DEFAULT_MAX_OPEN_PER_MEMBER,
  DEFAULT_NAMING_SCHEME,
  type OpenTicketResult,
  type Ticket,
  type TicketId,
  type TicketStatus,
  type TicketTypePatch,
} from "../core/model.ts";
import { systemClock } from "../lib/system_clock.ts";
import type { DatabaseHandle } from "./connect.ts";
import { isUniqueViolation, withRetry } from "./db_errors.ts";
import {
  toArchivedMessage,
  toAuditEvent,
  toBytes,
  toDate,
  toDriverBytes,
  toGuildSettings,
  toNumber,
  toPanel,
  toStoredAttachment,
  toTicket,
  toTicketMember,
  toTicketType,
} from "./row_mapping.ts";
import type { Database, TicketTypeUpdate } from "./schema.ts";
import { decodeTranscript, encodeTranscript } from "./transcript_codec.ts";

/** Options for `createRepository`. */
export interface RepositoryOptions {
  /** Time source for `createdAt`/`updatedAt`/`addedAt` stamps (default: system time). */
  clock?: Clock;
}

/** Name of the default ticket type a guild gets on first use. */
export const DEFAULT_TICKET_TYPE_NAME = "Support";

/** Statuses that count as held by the opener (and against their limit). */
const HELD: TicketStatus[] = ["open", "closing"];

/** Thrown inside the open transaction to roll it back when the opener is at the limit. */
class LimitReached extends Error {
  constructor(readonly result: OpenTicketResult) {
    super("The opener holds the most open tickets allowed");
  }
}

/** A `TicketRepository` over an open database. */
export function createRepository(
  handle: DatabaseHandle,
  options: RepositoryOptions = {},
): TicketRepository {
  const { db, kind } = handle;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();

  /** Inserts, skipping the row when it would break a unique key. */
  function ignoringDuplicates<TB extends keyof Database, O>(
    query: InsertQueryBuilder<Database, TB, O>,
  ): InsertQueryBuilder<Database, TB, O> {
    return kind === "mysql" ? query.orIgnore() : query.onConflict((oc) => oc.doNothing());
  }

  /**
   * Runs `fn` in a transaction, again on deadlocks and busy errors. PostgreSQL
   * and MySQL use READ COMMITTED so each statement sees rows committed by the
   * transaction whose lock it waited for.
   */
  function inTransaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return withRetry(() => {
      const builder = db.transaction();
      return (kind === "sqlite" ? builder : builder.setIsolationLevel("read committed"))
        .execute(fn);
    });
  }

  /** Runs an insert and gives the new row's id (MySQL has no `returning`). */
  async function insertReturningId<TB extends "panels" | "tickets">(
    query: InsertQueryBuilder<Database, TB, InsertResult>,
  ): Promise<number> {
    if (kind === "mysql") {
      const result = await query.executeTakeFirstOrThrow();
      if (result.insertId === undefined) throw new Error("Cannot read the id of a new row");
      return toNumber(result.insertId);
    }
    const row = await query.returning(sql<number | string>`id`.as("id"))
      .executeTakeFirstOrThrow();
    return toNumber(row.id);
  }

  /** Runs an insert; false when the row is there already (a unique key refused it). */
  async function insertOnce(query: { execute(): Promise<unknown> }): Promise<boolean> {
    try {
      await query.execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function ticketIn(executor: Kysely<Database>, id: TicketId): Promise<Ticket | null> {
    const row = await executor.selectFrom("tickets").selectAll().where("id", "=", id)
      .executeTakeFirst();
    return row ? toTicket(row) : null;
  }

  /**
   * The row `find` gives, inserting it first when there is none: a concurrent
   * first use inserts it too, so the insert skips a duplicate and `find` runs again.
   */
  async function findOrInsert<R, TB extends keyof Database>(
    find: () => Promise<R | undefined>,
    insert: (at: number) => InsertQueryBuilder<Database, TB, InsertResult>,
    what: string,
  ): Promise<R> {
    const existing = await find();
    if (existing) return existing;
    await ignoringDuplicates(insert(now())).execute();
    const row = await find();
    if (!row) throw new Error(`Cannot create ${what}`);
    return row;
  }

  async function requireTicket(id: TicketId, doing: string): Promise<Ticket> {
    const ticket = await ticketIn(db, id);
    if (!ticket) throw new Error(`Cannot ${doing} ticket ${id}: it does not exist`);
    return ticket;
  }

  const repo: TicketRepository = {
    async guildSettings(guildId) {
      const row = await findOrInsert(
        () =>
          db.selectFrom("guild_settings").selectAll().where("guild_id", "=", guildId)
            .executeTakeFirst(),
        (at) =>
          db.insertInto("guild_settings").values({
            guild_id: guildId,
            log_channel_id: null,
            transcript_dm: 1,
            created_at: at,
            updated_at: at,
          }),
        `the settings of guild ${guildId}`,
      );
      return toGuildSettings(row);
    },

    async updateGuildSettings(guildId, patch) {
      await repo.guildSettings(guildId);
      const update: { updated_at: number; log_channel_id?: string | null; transcript_dm?: number } =
        { updated_at: now() };
      if (patch.logChannelId !== undefined) update.log_channel_id = patch.logChannelId;
      if (patch.transcriptDm !== undefined) update.transcript_dm = patch.transcriptDm ? 1 : 0;
      await db.updateTable("guild_settings").set(update).where("guild_id", "=", guildId).execute();
      return await repo.guildSettings(guildId);
    },

    async defaultTicketType(guildId) {
      const row = await findOrInsert(
        () =>
          db.selectFrom("ticket_types").selectAll().where("guild_id", "=", guildId)
            .where("is_default", "=", 1).executeTakeFirst(),
        (at) =>
          db.insertInto("ticket_types").values({
            guild_id: guildId,
            name: DEFAULT_TICKET_TYPE_NAME,
            is_default: 1,
            category_id: null,
            staff_role_ids: "[]",
            naming_scheme: DEFAULT_NAMING_SCHEME,
            welcome_text: null,
            questions: "[]",
            max_open_per_member: DEFAULT_MAX_OPEN_PER_MEMBER,
            openers_may_add_members: 0,
            created_at: at,
            updated_at: at,
          }),
        `the default ticket type of guild ${guildId}`,
      );
      return toTicketType(row);
    },

    async ticketTypesWithCategory() {
      const rows = await db.selectFrom("ticket_types").selectAll()
        .where("category_id", "is not", null).orderBy("id").execute();
      return rows.map(toTicketType);
    },

    async ticketType(id) {
      const row = await db.selectFrom("ticket_types").selectAll().where("id", "=", id)
        .executeTakeFirst();
      return row ? toTicketType(row) : null;
    },

    async updateTicketType(id, patch) {
      const update = ticketTypeUpdate(patch, now());
      const result = await db.updateTable("ticket_types").set(update).where("id", "=", id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      }
      const type = await repo.ticketType(id);
      if (!type) throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      return type;
    },

    async savePanel(panel) {
      const createdAt = now();
      const id = await insertReturningId(
        db.insertInto("panels").values({
          guild_id: panel.guildId,
          channel_id: panel.channelId,
          message_id: panel.messageId,
          type_id: panel.typeId,
          title: panel.title,
          description: panel.description,
          button_label: panel.buttonLabel,
          created_by: panel.createdBy,
          created_at: createdAt,
        }),
      );
      return { ...panel, id, createdAt: new Date(createdAt) };
    },

    async panelByMessage(messageId) {
      const row = await db.selectFrom("panels").selectAll().where("message_id", "=", messageId)
        .executeTakeFirst();
      return row ? toPanel(row) : null;
    },

    async openTicket(request) {
      try {
        return await inTransaction(async (trx) => {
          const { guildId, openerId, typeId } = request;
          // Taking the guild's counter row first serialises opens in the guild. Update
          // before insert: on MySQL an insert that meets the existing row takes a shared
          // lock, and shared locks waiting to become exclusive deadlock each other.
          const bump = () =>
            trx.updateTable("guild_counters")
              .set((eb) => ({ next_number: eb("next_number", "+", 1) }))
              .where("guild_id", "=", guildId).executeTakeFirst();
          if ((await bump()).numUpdatedRows === 0n) {
            // The guild's first ticket: number 1 is taken, 2 comes next.
            const inserted = await ignoringDuplicates(
              trx.insertInto("guild_counters").values({ guild_id: guildId, next_number: 2 }),
            ).executeTakeFirst();
            if (!inserted.numInsertedOrUpdatedRows) await bump();
          }

          const type = await trx.selectFrom("ticket_types")
            .select(["guild_id", "max_open_per_member"]).where("id", "=", typeId)
            .executeTakeFirst();
          if (!type || type.guild_id !== guildId) {
            throw new RangeError(
              `Cannot open a ticket of type ${typeId} in guild ${guildId}: the guild has no such type`,
            );
          }
          const limit = toNumber(type.max_open_per_member);
          const held = await trx.selectFrom("tickets").selectAll()
            .where("guild_id", "=", guildId).where("opener_id", "=", openerId)
            .where("type_id", "=", typeId).where("status", "in", HELD)
            .orderBy("number").execute();
          if (held.length >= limit) {
            throw new LimitReached({ kind: "limit_reached", existing: held.map(toTicket), limit });
          }

          const counter = await trx.selectFrom("guild_counters").select("next_number")
            .where("guild_id", "=", guildId).executeTakeFirstOrThrow();
          const id = await insertReturningId(
            trx.insertInto("tickets").values({
              guild_id: guildId,
              number: toNumber(counter.next_number) - 1,
              type_id: typeId,
              channel_id: null,
              opener_id: openerId,
              status: "open",
              claimed_by: null,
              topic: request.topic,
              answers: JSON.stringify(request.answers),
              created_at: now(),
              closed_at: null,
              closed_by: null,
              close_reason: null,
              close_step: null,
              assistant_paused: 0,
              relay_notice_at: null,
            }),
          );
          const ticket = await ticketIn(trx, id as TicketId);
          if (!ticket) throw new Error(`Cannot read ticket ${id} back after inserting it`);
          return { kind: "opened", ticket } satisfies OpenTicketResult;
        });
      } catch (error) {
        if (error instanceof LimitReached) return error.result;
        throw error;
      }
    },

    async discardTicket(id) {
      await db.deleteFrom("tickets").where("id", "=", id).execute();
    },

    async setTicketChannel(id, channelId) {
      await db.updateTable("tickets").set({ channel_id: channelId }).where("id", "=", id)
        .execute();
      return await requireTicket(id, "set the channel of");
    },

    ticket: (id) => ticketIn(db, id),

    async ticketByChannel(channelId) {
      const row = await db.selectFrom("tickets").selectAll().where("channel_id", "=", channelId)
        .executeTakeFirst();
      return row ? toTicket(row) : null;
    },

    async ticketByNumber(guildId, number) {
      const row = await db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId)
        .where("number", "=", number).executeTakeFirst();
      return row ? toTicket(row) : null;
    },

    async openTicketsOf(guildId, openerId) {
      const rows = await db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId)
        .where("opener_id", "=", openerId).where("status", "in", HELD).orderBy("number")
        .execute();
      return rows.map(toTicket);
    },

    async ticketsWithStatus(statuses) {
      if (statuses.length === 0) return [];
      const rows = await db.selectFrom("tickets").selectAll().where("status", "in", statuses)
        .orderBy("id").execute();
      return rows.map(toTicket);
    },

    /** Open and closing tickets across all guilds. */
    async countOpenTickets() {
      const row = await db.selectFrom("tickets").select((eb) => eb.fn.countAll().as("count"))
        .where("status", "in", HELD).executeTakeFirstOrThrow();
      return toNumber(row.count as number | string | bigint);
    },

    async claimTicket(id, claimer, expected) {
      const result = await db.updateTable("tickets").set({ claimed_by: claimer })
        .where("id", "=", id)
        .where("claimed_by", expected === null ? "is" : "=", expected)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setAssistantPaused(id, paused) {
      await db.updateTable("tickets").set({ assistant_paused: paused ? 1 : 0 })
        .where("id", "=", id).execute();
    },

    async takeRelayNoticeSlot(id, at, notBefore) {
      const result = await db.updateTable("tickets").set({ relay_notice_at: at.getTime() })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([
            eb("relay_notice_at", "is", null),
            eb("relay_notice_at", "<", notBefore.getTime()),
          ])
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async beginClose(id, by, reason) {
      const result = await db.updateTable("tickets")
        .set({ status: "closing", closed_by: by, close_reason: reason, close_step: "requested" })
        .where("id", "=", id).where("status", "=", "open").executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async recordCloseStep(id, step) {
      await db.updateTable("tickets").set({ close_step: step }).where("id", "=", id).execute();
    },

    async finishClose(id, at) {
      await db.updateTable("tickets").set({ status: "closed", closed_at: at.getTime() })
        .where("id", "=", id).execute();
    },

    addMember: (member) =>
      insertOnce(
        db.insertInto("ticket_members").values({
          ticket_id: member.ticketId,
          user_id: member.userId,
          added_by: member.addedBy,
          added_at: member.addedAt.getTime(),
        }),
      ),

    async removeMember(ticketId, userId) {
      const result = await db.deleteFrom("ticket_members").where("ticket_id", "=", ticketId)
        .where("user_id", "=", userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async members(ticketId) {
      const rows = await db.selectFrom("ticket_members").selectAll()
        .where("ticket_id", "=", ticketId).orderBy("added_at").orderBy("user_id").execute();
      return rows.map(toTicketMember);
    },

    async saveTranscript(transcript) {
      const encoded = await encodeTranscript(transcript.html, transcript.text);
      const createdAt = now();
      // Saving again (a resumed close) replaces the earlier copy.
      await inTransaction(async (trx) => {
        await trx.deleteFrom("transcripts").where("ticket_id", "=", transcript.ticketId)
          .execute();
        await trx.insertInto("transcripts").values({
          ticket_id: transcript.ticketId,
          html: toDriverBytes(encoded.html),
          text: toDriverBytes(encoded.text),
          compressed: encoded.compressed ? 1 : 0,
          byte_size: transcript.byteSize,
          message_count: transcript.messageCount,
          created_at: createdAt,
        }).execute();
      });
    },

    async transcript(ticketId) {
      const row = await db.selectFrom("transcripts").selectAll()
        .where("ticket_id", "=", ticketId).executeTakeFirst();
      if (!row) return null;
      const { html, text } = await decodeTranscript({
        html: toBytes(row.html),
        text: toBytes(row.text),
        compressed: row.compressed === 1,
      });
      return {
        ticketId: toNumber(row.ticket_id) as TicketId,
        html,
        text,
        messageCount: toNumber(row.message_count),
        byteSize: toNumber(row.byte_size),
        createdAt: toDate(row.created_at),
      };
    },

    async saveAttachment(attachment) {
      // A resumed close may save the same attachment again: the first copy stays.
      await insertOnce(
        db.insertInto("attachments").values({
          ticket_id: attachment.ticketId,
          message_id: attachment.messageId,
          attachment_id: attachment.attachmentId,
          filename: attachment.filename,
          content_type: attachment.contentType,
          size: attachment.size,
          data: toDriverBytes(attachment.data),
        }),
      );
    },

    async attachments(ticketId) {
      const rows = await db.selectFrom("attachments").selectAll()
        .where("ticket_id", "=", ticketId)
        .orderBy(snowflakeOrder("message_id")).orderBy("message_id")
        .orderBy(snowflakeOrder("attachment_id")).orderBy("attachment_id")
        .execute();
      return rows.map(toStoredAttachment);
    },

    async archiveMessage(message) {
      // The gateway may deliver a message twice: the first record stays.
      await insertOnce(
        db.insertInto("archived_messages").values({
          message_id: message.messageId,
          ticket_id: message.ticketId,
          author_id: message.authorId,
          payload: message.payload,
          created_at: message.createdAt.getTime(),
          edited_at: null,
          deleted_at: null,
        }),
      );
    },

    async markMessageEdited(messageId: MessageId, payload: string, at: Date) {
      await db.updateTable("archived_messages").set({ payload, edited_at: at.getTime() })
        .where("message_id", "=", messageId).execute();
    },

    async markMessageDeleted(messageId, at) {
      await db.updateTable("archived_messages").set({ deleted_at: at.getTime() })
        .where("message_id", "=", messageId).execute();
    },

    async archivedMessages(ticketId) {
      const rows = await db.selectFrom("archived_messages").selectAll()
        .where("ticket_id", "=", ticketId)
        .orderBy("created_at").orderBy(snowflakeOrder("message_id")).orderBy("message_id")
        .execute();
      return rows.map(toArchivedMessage);
    },

    async audit(event) {
      await db.insertInto("audit_events").values({
        guild_id: event.guildId,
        ticket_id: event.ticketId,
        actor_id: event.actorId,
        action: event.action,
        detail: JSON.stringify(event.detail),
        created_at: now(),
      }).execute();
    },

    /** The guild's latest `limit` events, newest first. */
    async auditEvents(guildId: GuildId, limit: number) {
      const rows = await db.selectFrom("audit_events").selectAll()
        .where("guild_id", "=", guildId).orderBy("id", "desc").limit(limit).execute();
      return rows.map(toAuditEvent);
    },

    async meta(key) {
      const row = await db.selectFrom("meta").select("value").where("key", "=", key)
        .executeTakeFirst();
      return row ? row.value : null;
    },

    async setMeta(key, value) {
      const insert = db.insertInto("meta").values({ key, value });
      await (kind === "mysql"
        ? insert.onDuplicateKeyUpdate({ value })
        : insert.onConflict((oc) => oc.column("key").doUpdateSet({ value }))).execute();
    },

    async acquireLock(key, ttlMs) {
      const holder = crypto.randomUUID();
      const at = now();
      const expires_at = at + ttlMs;
      // A free lock has no row: the insert takes it, and a concurrent insert of the same
      // key is skipped by the primary key. An expired row is taken over by one
      // conditional update; the database lets only one of several such updates match.
      const inserted = await withRetry(() =>
        ignoringDuplicates(db.insertInto("locks").values({ key, holder, expires_at }))
          .executeTakeFirst()
      );
      if (inserted.numInsertedOrUpdatedRows) return holder;
      const taken = await withRetry(() =>
        db.updateTable("locks").set({ holder, expires_at }).where("key", "=", key)
          .where("expires_at", "<=", at).executeTakeFirst()
      );
      return taken.numUpdatedRows > 0n ? holder : null;
    },

    async renewLock(key, holder, ttlMs) {
      const result = await withRetry(() =>
        db.updateTable("locks").set({ expires_at: now() + ttlMs }).where("key", "=", key)
          .where("holder", "=", holder).executeTakeFirst()
      );
      return result.numUpdatedRows > 0n;
    },

    async releaseLock(key, holder) {
      await withRetry(() =>
        db.deleteFrom("locks").where("key", "=", key).where("holder", "=", holder).execute()
      );
    },
  };
  return repo;
}

/** Orders snowflake strings numerically: shorter ones are smaller. */
function snowflakeOrder(column: "message_id" | "attachment_id") {
  return sql`length(${sql.ref(column)})`;
}

/** The columns a ticket type patch changes; checks the limits handlers also check. */
function ticketTypeUpdate(patch: TicketTypePatch, at: number): TicketTypeUpdate {
  const update: TicketTypeUpdate = { updated_at: at };
  if (patch.name !== undefined) update.name = patch.name;
  if (patch.categoryId !== undefined) update.category_id = patch.categoryId;
  if (patch.staffRoleIds !== undefined) update.staff_role_ids = JSON.stringify(patch.staffRoleIds);
  if (patch.namingScheme !== undefined) update.naming_scheme = patch.namingScheme;
  if (patch.welcomeText !== undefined) update.welcome_text = patch.welcomeText;
  if (patch.questions !== undefined) {
    if (patch.questions.length > 5) {
      throw new RangeError(
        `Cannot store ${patch.questions.length} questions: a ticket type has at most 5`,
      );
    }
    update.questions = JSON.stringify(patch.questions);
  }
  if (patch.maxOpenPerMember !== undefined) {
    const max = patch.maxOpenPerMember;
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      throw new RangeError(`Cannot set the open-ticket limit to ${max}: it must be 1-100`);
    }
    update.max_open_per_member = max;
  }
  if (patch.openersMayAddMembers !== undefined) {
    update.openers_may_add_members = patch.openersMayAddMembers ? 1 : 0;
  }
  return update;
}
