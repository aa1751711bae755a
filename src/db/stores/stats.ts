/**
 * The `StatsStore`: the reads behind `/stats`, the statistics page and
 * `ticketeer stats`. Each is one indexed query over a guild and a period
 * (`tickets_guild_created_idx` and `tickets_guild_created_times_idx`,
 * `tickets_guild_closed_idx`, `tickets_guild_status_idx`,
 * `audit_events_guild_action_idx`, `archived_messages_ticket_author_idx`); the
 * figures are computed from the rows in `src/core/stats/`. `times` has the
 * database measure each ticket's times and hands them over packed
 * (`ticket_times.ts`); `staffMessages` has it count the messages per author.
 */
import type { UserId } from "../../core/ids.ts";
import type { TicketId, TicketPriority, TicketStatus, TicketTypeId } from "../../core/model.ts";
import type { StatsStore } from "../../core/ports.ts";
import type { StatsTicket } from "../../core/stats/stats_query.ts";
import { toDate, toNullableDate, toNumber } from "../row_mapping.ts";
import type { StoreScope } from "./scope.ts";
import { inGuildTypes, inScope } from "./stats_scope.ts";
import { ticketTimes } from "./ticket_times.ts";

const TICKET_COLUMNS = [
  "tickets.id",
  "tickets.number",
  "tickets.type_id",
  "tickets.opener_id",
  "tickets.claimed_by",
  "tickets.priority",
  "tickets.status",
  "tickets.created_at",
  "tickets.first_staff_response_at",
  "tickets.closed_at",
  "tickets.reopen_count",
  "ticket_feedback.staff_id",
  "ticket_feedback.rating",
] as const;

/** A `StatsStore` whose queries run on `scope`. */
export function statsStore(scope: StoreScope): StatsStore {
  const { db } = scope;
  const base = () =>
    db.selectFrom("tickets").leftJoin(
      "ticket_feedback",
      "ticket_feedback.ticket_id",
      "tickets.id",
    );
  return {
    async tickets(query) {
      const from = query.from.getTime();
      const to = query.to.getTime();
      // Two index ranges rather than one OR, so each uses its own index.
      const opened = await base().select(TICKET_COLUMNS).where(inScope(query))
        .where("tickets.created_at", ">=", from).where("tickets.created_at", "<", to)
        .execute();
      const closedEarlierOpened = await base().select(TICKET_COLUMNS).where(inScope(query))
        .where("tickets.closed_at", ">=", from).where("tickets.closed_at", "<", to)
        .where("tickets.created_at", "<", from).execute();
      return [...closedEarlierOpened, ...opened].map((row): StatsTicket => ({
        id: toNumber(row.id) as TicketId,
        number: toNumber(row.number),
        typeId: toNumber(row.type_id) as TicketTypeId,
        openerId: row.opener_id as UserId,
        claimedBy: row.claimed_by as UserId | null,
        creditedStaffId: (row.staff_id ?? null) as UserId | null,
        priority: row.priority as TicketPriority,
        status: row.status as TicketStatus,
        createdAt: toDate(row.created_at),
        firstStaffResponseAt: toNullableDate(row.first_staff_response_at),
        closedAt: toNullableDate(row.closed_at),
        reopenCount: toNumber(row.reopen_count),
        rating: row.rating === null || row.rating === undefined ? null : toNumber(row.rating),
      })).sort((a, b) => a.number - b.number);
    },

    async count(query) {
      const from = query.from.getTime();
      const to = query.to.getTime();
      // Without a staff member the ratings' table is not needed: counts from the index alone.
      const [opened, closedEarlierOpened] = query.staffId === null
        ? await Promise.all([
          db.selectFrom("tickets").where(inGuildTypes(query))
            .where("tickets.created_at", ">=", from).where("tickets.created_at", "<", to)
            .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
          db.selectFrom("tickets").where(inGuildTypes(query))
            .where("tickets.closed_at", ">=", from).where("tickets.closed_at", "<", to)
            .where("tickets.created_at", "<", from)
            .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
        ])
        : await Promise.all([
          base().where(inScope(query))
            .where("tickets.created_at", ">=", from).where("tickets.created_at", "<", to)
            .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
          base().where(inScope(query))
            .where("tickets.closed_at", ">=", from).where("tickets.closed_at", "<", to)
            .where("tickets.created_at", "<", from)
            .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
        ]);
      return toNumber(opened?.n ?? 0) + toNumber(closedEarlierOpened?.n ?? 0);
    },

    times(query, except) {
      return ticketTimes(scope, query, except);
    },

    async openNow(query) {
      const open = () =>
        base().where(inScope(query)).where("tickets.status", "in", ["open", "closing"]);
      const counted = await open().select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirst();
      const oldest = await open()
        .where((eb) =>
          eb.or([eb("tickets.waiting_for", "=", "staff"), eb("tickets.waiting_for", "is", null)])
        )
        .select(["tickets.number", "tickets.created_at", "tickets.last_opener_message_at"])
        .orderBy("tickets.created_at").orderBy("tickets.number").limit(1).executeTakeFirst();
      return {
        count: toNumber(counted?.n ?? 0),
        oldestWaiting: oldest === undefined ? null : {
          number: toNumber(oldest.number),
          since: toDate(oldest.created_at),
        },
      };
    },

    async reopens(query) {
      const counted = await db.selectFrom("audit_events")
        .innerJoin("tickets", "tickets.id", "audit_events.ticket_id")
        .leftJoin("ticket_feedback", "ticket_feedback.ticket_id", "tickets.id")
        .where("audit_events.guild_id", "=", query.guildId)
        .where("audit_events.action", "=", "ticket.reopen")
        .where("audit_events.created_at", ">=", query.from.getTime())
        .where("audit_events.created_at", "<", query.to.getTime())
        .where(inScope(query))
        .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst();
      return toNumber(counted?.n ?? 0);
    },

    async staffMessages(query) {
      // Counted by the database: under the shipped runtime flags (no optimizing compiler),
      // counting a year's 200,000 authors in JavaScript took longer than SQLite's sort.
      let q = db.selectFrom("archived_messages")
        .innerJoin("tickets", "tickets.id", "archived_messages.ticket_id")
        .where(inGuildTypes(query))
        .where("archived_messages.created_at", ">=", query.from.getTime())
        .where("archived_messages.created_at", "<", query.to.getTime())
        .where("archived_messages.deleted_at", "is", null)
        .whereRef("archived_messages.author_id", "<>", "tickets.opener_id")
        .where((eb) =>
          eb.not(eb.exists(
            eb.selectFrom("ticket_members").select("ticket_members.user_id")
              .whereRef("ticket_members.ticket_id", "=", "tickets.id")
              .whereRef("ticket_members.user_id", "=", "archived_messages.author_id"),
          ))
        );
      if (query.staffId !== null) q = q.where("archived_messages.author_id", "=", query.staffId);
      const rows = await q.groupBy("archived_messages.author_id").select((eb) => [
        "archived_messages.author_id",
        eb.fn.countAll<number | string>().as("n"),
      ]).execute();
      return rows.map((row) => ({ authorId: row.author_id as UserId, count: toNumber(row.n) }))
        .sort((a, b) => b.count - a.count || a.authorId.localeCompare(b.authorId));
    },
  };
}
