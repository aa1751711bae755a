/**
 * The `TicketTimerStore`: a ticket's timings and timers on its own row. A
 * message is one conditional update that writes only when something changed (the
 * last-message times are kept to the minute); every step a pass takes is an update conditioned on the
 * state it read (compare-and-set), so of two processes only one takes it.
 */
import { sql } from "kysely";
import type { TicketId } from "../../core/model.ts";
import type { AutoCloseStep, CloseRequest, DueTimer } from "../../core/tickets/timings.ts";
import type { UserId } from "../../core/ids.ts";
import type { TicketTimerStore } from "../../core/ports.ts";
import { toDate, toNullableDate, toNumber, toTicket } from "../row_mapping.ts";
import type { TicketRow } from "../schema.ts";
import { openTicketRows } from "../encryption/sealed_rows.ts";
import { inTransaction, type StoreScope } from "./scope.ts";
import { compiledOnce } from "./compiled_once.ts";

type TimerRow = Pick<
  TicketRow,
  | "first_staff_response_at"
  | "last_opener_message_at"
  | "last_staff_message_at"
  | "auto_close_step"
  | "auto_close_at"
  | "close_request_seq"
  | "close_request_by"
  | "close_request_reason"
  | "close_request_at"
  | "opener_checked_at"
>;

/**
 * Messages of one side within this long of its last one change nothing worth a
 * write: the last-message times are kept to the minute.
 */
const SAME_MINUTE_MS = 60_000;

const TIMER_COLUMNS = [
  "first_staff_response_at",
  "last_opener_message_at",
  "last_staff_message_at",
  "auto_close_step",
  "auto_close_at",
  "close_request_seq",
  "close_request_by",
  "close_request_reason",
  "close_request_at",
  "opener_checked_at",
] as const;

function step(value: string | null): AutoCloseStep | null {
  return value === "warn" || value === "close" ? value : null;
}

function closeRequestOf(row: TimerRow): CloseRequest | null {
  if (row.close_request_seq === null || row.close_request_at === null) return null;
  return {
    seq: toNumber(row.close_request_seq),
    by: (row.close_request_by ?? "0") as UserId,
    reason: row.close_request_reason,
    dueAt: toDate(row.close_request_at),
  };
}

/** A `TicketTimerStore` whose queries run on `scope`. */
export function ticketTimerStore(scope: StoreScope): TicketTimerStore {
  const { db } = scope;
  // Every person's message in a ticket runs one of these three, compiled once.
  const staffWroteQuery = (id: TicketId, ms: number, minuteBefore: number, warnAt: number | null) =>
    db.updateTable("tickets")
      .set({
        first_staff_response_at: sql<number>`coalesce(first_staff_response_at, ${ms})`,
        last_staff_message_at: ms,
        waiting_for: "member",
        auto_close_step: warnAt === null ? null : "warn",
        auto_close_at: warnAt,
      })
      .where("id", "=", id)
      .where((eb) =>
        eb.or([
          eb("last_staff_message_at", "is", null),
          eb("last_staff_message_at", "<=", minuteBefore),
          eb("waiting_for", "is", null),
          eb("waiting_for", "!=", "member"),
          warnAt === null
            ? eb("auto_close_at", "is not", null)
            : eb.or([eb("auto_close_step", "is", null), eb("auto_close_step", "!=", "warn")]),
        ])
      );
  const staffWroteQuiet = compiledOnce(
    scope,
    (id: TicketId, ms: number, minuteBefore: number) => staffWroteQuery(id, ms, minuteBefore, null),
  );
  const staffWroteArming = compiledOnce(
    scope,
    (id: TicketId, ms: number, minuteBefore: number, warnAt: number) =>
      staffWroteQuery(id, ms, minuteBefore, warnAt),
  );
  const openerWroteQuery = compiledOnce(
    scope,
    (id: TicketId, ms: number, minuteBefore: number) =>
      db.updateTable("tickets")
        .set({
          last_opener_message_at: ms,
          waiting_for: "staff",
          auto_close_step: null,
          auto_close_at: null,
        })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([
            eb("last_opener_message_at", "is", null),
            eb("last_opener_message_at", "<=", minuteBefore),
            eb("waiting_for", "is", null),
            eb("waiting_for", "!=", "staff"),
            eb("auto_close_at", "is not", null),
          ])
        ),
  );
  return {
    async timings(id) {
      const row = await db.selectFrom("tickets").select(TIMER_COLUMNS).where("id", "=", id)
        .executeTakeFirst();
      if (row === undefined) return null;
      const autoStep = step(row.auto_close_step);
      return {
        ticketId: id,
        firstStaffResponseAt: toNullableDate(row.first_staff_response_at),
        lastOpenerMessageAt: toNullableDate(row.last_opener_message_at),
        lastStaffMessageAt: toNullableDate(row.last_staff_message_at),
        autoClose: autoStep === null || row.auto_close_at === null
          ? null
          : { step: autoStep, dueAt: toDate(row.auto_close_at) },
        closeRequest: closeRequestOf(row),
        openerCheckedAt: toNullableDate(row.opener_checked_at),
      };
    },

    async staffWrote(id, at, warnAt) {
      const ms = at.getTime();
      if (warnAt === null) await staffWroteQuiet(id, ms, ms - SAME_MINUTE_MS);
      else await staffWroteArming(id, ms, ms - SAME_MINUTE_MS, warnAt.getTime());
    },

    async openerWrote(id, at) {
      const ms = at.getTime();
      await openerWroteQuery(id, ms, ms - SAME_MINUTE_MS);
    },

    async due(now, limit) {
      const until = now.getTime();
      const autoRows = await db.selectFrom("tickets")
        .select(["id", "auto_close_step", "auto_close_at"])
        .where("status", "=", "open").where("auto_close_at", "<=", until)
        .orderBy("auto_close_at").orderBy("id").limit(limit).execute();
      const requestRows = await db.selectFrom("tickets")
        .select(["id", "close_request_seq", "close_request_at"])
        .where("status", "=", "open").where("close_request_at", "<=", until)
        .orderBy("close_request_at").orderBy("id").limit(limit).execute();
      const timers: DueTimer[] = [];
      for (const row of autoRows) {
        const autoStep = step(row.auto_close_step);
        if (autoStep === null || row.auto_close_at === null) continue;
        timers.push({
          kind: "auto_close",
          ticketId: toNumber(row.id) as TicketId,
          step: autoStep,
          dueAt: toDate(row.auto_close_at),
        });
      }
      for (const row of requestRows) {
        if (row.close_request_seq === null || row.close_request_at === null) continue;
        timers.push({
          kind: "close_request",
          ticketId: toNumber(row.id) as TicketId,
          seq: toNumber(row.close_request_seq),
          dueAt: toDate(row.close_request_at),
        });
      }
      timers.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.ticketId - b.ticketId);
      return timers.slice(0, limit);
    },

    async advanceAutoClose(id, from, next) {
      const result = await db.updateTable("tickets")
        .set({
          auto_close_step: next?.step ?? null,
          auto_close_at: next === null ? null : next.dueAt.getTime(),
        })
        .where("id", "=", id).where("status", "=", "open")
        .where("auto_close_step", "=", from.step)
        .where("auto_close_at", "=", from.dueAt.getTime())
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    requestClose: (id, request) =>
      inTransaction(scope, async (trx) => {
        // The row stays locked until the commit, so the number read back is this one's.
        await trx.updateTable("tickets")
          .set((eb) => ({
            close_request_seq: sql<number>`coalesce(${eb.ref("close_request_seq")}, 0) + 1`,
            close_request_by: request.by,
            close_request_reason: request.reason,
            close_request_at: request.dueAt.getTime(),
          }))
          .where("id", "=", id).execute();
        const row = await trx.selectFrom("tickets").select(TIMER_COLUMNS).where("id", "=", id)
          .executeTakeFirst();
        const pending = row === undefined ? null : closeRequestOf(row);
        if (pending === null) {
          throw new Error(`Cannot request the close of ticket ${id}: it does not exist`);
        }
        return pending;
      }),

    async endCloseRequest(id, seq) {
      const row = await db.selectFrom("tickets").select(TIMER_COLUMNS).where("id", "=", id)
        .executeTakeFirst();
      const pending = row === undefined ? null : closeRequestOf(row);
      if (pending === null || pending.seq !== seq) return null;
      const result = await db.updateTable("tickets")
        .set({ close_request_at: null, close_request_by: null, close_request_reason: null })
        .where("id", "=", id).where("close_request_seq", "=", seq)
        .where("close_request_at", "is not", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? pending : null;
    },

    async stop(id) {
      await db.updateTable("tickets")
        .set({
          auto_close_step: null,
          auto_close_at: null,
          close_request_at: null,
          close_request_by: null,
          close_request_reason: null,
        })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([eb("auto_close_at", "is not", null), eb("close_request_at", "is not", null)])
        )
        .execute();
    },

    async openerChecksDue(before, limit) {
      const rows = await db.selectFrom("tickets").selectAll()
        .where("status", "=", "open").where("channel_id", "is not", null)
        .where((eb) =>
          eb.or([
            eb("opener_checked_at", "<=", before.getTime()),
            eb.and([eb("opener_checked_at", "is", null), eb("created_at", "<=", before.getTime())]),
          ])
        )
        .orderBy("opener_checked_at").orderBy("id").limit(limit).execute();
      const opened = await openTicketRows(scope, rows);
      return opened.map((row) => ({
        ticket: toTicket(row),
        checkedAt: toNullableDate(row.opener_checked_at),
      }));
    },

    async takeOpenerCheck(id, previous, at) {
      const result = await db.updateTable("tickets").set({ opener_checked_at: at.getTime() })
        .where("id", "=", id)
        .where("opener_checked_at", previous === null ? "is" : "=", previous?.getTime() ?? null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
