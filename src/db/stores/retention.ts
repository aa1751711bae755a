/**
 * The `RetentionStore`: deleting what is kept no longer. A closed ticket past its
 * type's retention loses its content (the row stays, marked expired); a guild the
 * bot left long enough ago loses every row. Each deletion first takes a
 * conditional write (the ticket's `expired_at`, the guild's departure row), so of
 * several processes running the same pass only one deletes, the others find
 * nothing left to do.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { GuildId } from "../../core/ids.ts";
import type { TicketId, TicketTypeId } from "../../core/model.ts";
import type { RetentionStore } from "../../core/ports.ts";
import { closeReasonKey } from "../../core/interactions/ticket_close.ts";
import { currentCategoryKey } from "../../core/tickets/ticket_channel.ts";
import { sealTicketText } from "../encryption/sealed_rows.ts";
import { toNumber } from "../row_mapping.ts";
import type { Database } from "../schema.ts";
import { auditLog } from "./audit.ts";
import { databaseNowMs } from "./database_now.ts";
import { ignoringDuplicates } from "./inserts.ts";
import { inTransaction, type StoreScope } from "./scope.ts";

const DAY_MS = 86_400_000;

/** Tables whose rows belong to one ticket and hold its content: emptied when it expires. */
export const TICKET_CONTENT_TABLES = [
  "message_search",
  "attachments",
  "archived_messages",
  "transcripts",
  "share_links",
  "ticket_notes",
] as const;

/** Every table keyed by `ticket_id` alone: emptied of a guild's tickets when it is deleted. */
export const TICKET_TABLES = [...TICKET_CONTENT_TABLES, "ticket_members"] as const;

/** Every table keyed by `guild_id`, in an order foreign keys allow deleting in. */
export const GUILD_TABLES = [
  "audit_events",
  "ticket_feedback",
  "panels",
  "tickets",
  "ticket_types",
  "tags",
  "privacy_exports",
  "guild_settings",
  "guild_counters",
  "guild_departures",
] as const;

/** Keys of audit details that hold someone's words (the rest are ids, numbers and names of settings). */
const CONTENT_DETAILS: readonly string[] = ["topic", "reason"];

/** Meta keys longer lists are deleted in, so no statement grows without bound. */
const META_CHUNK = 500;

type Executor = Kysely<Database> | Transaction<Database>;

/** Milliseconds a ticket's type keeps it after close, as SQL (PostgreSQL multiplies `integer` in 32 bits). */
function retentionMs(scope: StoreScope) {
  const days = sql.ref("ticket_types.retention_days");
  return scope.kind === "postgres"
    ? sql<number>`cast(${days} as bigint) * ${sql.lit(DAY_MS)}`
    : sql<number>`${days} * ${sql.lit(DAY_MS)}`;
}

/** Closed, unexpired tickets whose type's retention ran out by `at`. */
function dueTickets(scope: StoreScope, db: Executor, at: Date) {
  return db.selectFrom("tickets")
    .innerJoin("ticket_types", "ticket_types.id", "tickets.type_id")
    .where("tickets.status", "=", "closed")
    .where("tickets.expired_at", "is", null)
    .where("tickets.closed_at", "is not", null)
    .where("ticket_types.retention_days", "is not", null)
    .where(
      sql<boolean>`${sql.ref("tickets.closed_at")} + ${retentionMs(scope)} <= ${at.getTime()}`,
    );
}

async function deleteMeta(db: Executor, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += META_CHUNK) {
    const chunk = keys.slice(i, i + META_CHUNK);
    if (chunk.length > 0) await db.deleteFrom("meta").where("key", "in", chunk).execute();
  }
}

/** Drops the words from the audit details of ticket `id` (the rows stay). */
async function stripAuditContent(db: Executor, id: TicketId): Promise<void> {
  const rows = await db.selectFrom("audit_events").select(["id", "detail"])
    .where("ticket_id", "=", id).execute();
  for (const row of rows) {
    let detail: Record<string, unknown>;
    try {
      detail = JSON.parse(row.detail) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!CONTENT_DETAILS.some((key) => key in detail)) continue;
    for (const key of CONTENT_DETAILS) delete detail[key];
    await db.updateTable("audit_events").set({ detail: JSON.stringify(detail) })
      .where("id", "=", row.id).execute();
  }
}

async function expireIn(
  scope: StoreScope,
  db: Executor,
  options: { id: TicketId; at: Date },
): Promise<boolean> {
  const { id, at } = options;
  const due = await dueTickets(scope, db, at).where("tickets.id", "=", id)
    .select([
      "tickets.number",
      "tickets.guild_id",
      "tickets.closed_at",
      "ticket_types.retention_days",
    ])
    .executeTakeFirst();
  if (due === undefined || due.closed_at === null) return false;
  const cleared = await sealTicketText({ ...scope, db }, { topic: null, answers: "[]" });
  // The gate: only one pass marks the ticket, and only the close it saw (not a reopened one).
  const marked = await db.updateTable("tickets")
    .set({ ...cleared, close_reason: null, expired_at: at.getTime() })
    .where("id", "=", id).where("expired_at", "is", null).where("status", "=", "closed")
    .where("closed_at", "=", toNumber(due.closed_at))
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) === 0) return false;
  for (const table of TICKET_CONTENT_TABLES) {
    await db.deleteFrom(table).where("ticket_id", "=", id).execute();
  }
  await deleteMeta(db, [closeReasonKey(id)]);
  await stripAuditContent(db, id);
  // The rating stays for the statistics; the opener's comment goes with the rest.
  await db.updateTable("ticket_feedback").set({ comment: null }).where("ticket_id", "=", id)
    .execute();
  await auditLog({ ...scope, db }).record({
    guildId: due.guild_id as GuildId,
    ticketId: id,
    actorId: null,
    action: "ticket.expire",
    detail: { number: due.number, retentionDays: due.retention_days },
  });
  return true;
}

async function purgeIn(
  db: Executor,
  options: { guildId: GuildId; before: Date },
): Promise<boolean> {
  const { guildId } = options;
  // The gate: the departure row, gone when the bot came back or another pass took it.
  const taken = await db.deleteFrom("guild_departures").where("guild_id", "=", guildId)
    .where("left_at", "<=", options.before.getTime()).executeTakeFirst();
  if (Number(taken.numDeletedRows) === 0) return false;
  const tickets = await db.selectFrom("tickets").select("id").where("guild_id", "=", guildId)
    .execute();
  const types = await db.selectFrom("ticket_types").select("id").where("guild_id", "=", guildId)
    .execute();
  const ofGuild = db.selectFrom("tickets").select("id").where("guild_id", "=", guildId);
  for (const table of TICKET_TABLES) {
    await db.deleteFrom(table).where("ticket_id", "in", ofGuild).execute();
  }
  for (const table of GUILD_TABLES) {
    await db.deleteFrom(table).where("guild_id", "=", guildId).execute();
  }
  await deleteMeta(db, [
    `guild_left:${guildId}`,
    ...tickets.map((t) => closeReasonKey(t.id as TicketId)),
    ...types.map((t) => currentCategoryKey(t.id as TicketTypeId)),
  ]);
  return true;
}

/** A `RetentionStore` whose queries run on `scope`. */
export function retentionStore(scope: StoreScope): RetentionStore {
  const { db } = scope;
  return {
    async recordDeparture(guildId, at) {
      const leftAt = at === undefined ? databaseNowMs(scope.kind) : at.getTime();
      await ignoringDuplicates(
        scope,
        db.insertInto("guild_departures").values({ guild_id: guildId, left_at: leftAt }),
      ).execute();
    },

    async cancelDeparture(guildId) {
      await db.deleteFrom("guild_departures").where("guild_id", "=", guildId).execute();
    },

    async ticketsDue(at, limit) {
      const rows = await dueTickets(scope, db, at).select("tickets.id").orderBy("tickets.id")
        .limit(limit).execute();
      return rows.map((row) => toNumber(row.id) as TicketId);
    },

    expireTicket: (id, at) => inTransaction(scope, (trx) => expireIn(scope, trx, { id, at })),

    async guildsLeftBefore(before, limit) {
      const rows = await db.selectFrom("guild_departures").select("guild_id")
        .where("left_at", "<=", before.getTime()).orderBy("left_at").orderBy("guild_id")
        .limit(limit).execute();
      return rows.map((row) => row.guild_id as GuildId);
    },

    purgeGuild: (guildId, before) =>
      inTransaction(scope, (trx) => purgeIn(trx, { guildId, before })),
  };
}
