/**
 * Opening a ticket: the one write that must be atomic under concurrency (the
 * guild's next number, the opener's open-ticket limit, the type's total cap and
 * cooldown).
 */
import { openTicketRow, openTicketRows, sealTicketText } from "../encryption/sealed_rows.ts";
import type {
  OpenLimitOutcome,
  OpenTicketRequest,
  OpenTicketResult,
  TicketId,
  TicketStatus,
} from "../../core/model.ts";
import type { Kysely, Transaction } from "kysely";
import { toDate, toNumber, toTicket } from "../row_mapping.ts";
import type { Database } from "../schema.ts";
import { ignoringDuplicates, insertReturningId } from "./inserts.ts";
import { inTransaction, type StoreScope } from "./scope.ts";

/** Statuses that count as held by the opener (and against their limit). */
export const HELD: TicketStatus[] = ["open", "closing"];

/**
 * Refuses when the opener already holds the type's limit of open or closing
 * tickets, when the type holds its total cap, or when the opener's last ticket
 * of the type is younger than its cooldown (checked in that order); otherwise
 * takes the guild's next number and inserts the ticket. Runs in its own
 * transaction, or joins the one `scope` is in.
 */
export function openTicket(
  scope: StoreScope,
  request: OpenTicketRequest,
): Promise<OpenTicketResult> {
  return inTransaction(scope, async (trx) => {
    const { guildId, openerId, typeId } = request;
    // Taking the guild's counter row first serialises opens in the guild. Update
    // before insert: on MySQL an insert that meets the existing row takes a shared
    // lock, and shared locks waiting to become exclusive deadlock each other.
    const bump = (by: number) =>
      trx.updateTable("guild_counters")
        .set((eb) => ({ next_number: eb("next_number", "+", by) }))
        .where("guild_id", "=", guildId).executeTakeFirst();
    if ((await bump(1)).numUpdatedRows === 0n) {
      // The guild's first ticket: number 1 is taken, 2 comes next.
      const inserted = await ignoringDuplicates(
        scope,
        trx.insertInto("guild_counters").values({ guild_id: guildId, next_number: 2 }),
      ).executeTakeFirst();
      if (!inserted.numInsertedOrUpdatedRows) await bump(1);
    }

    const type = await trx.selectFrom("ticket_types")
      .select(["guild_id", "max_open_per_member", "total_open_cap", "cooldown_seconds"])
      .where("id", "=", typeId).where("deleted_at", "is", null)
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
      // Still holding the counter row: giving the number back leaves no gap, and it
      // also works inside a caller's transaction, which a rollback here would end.
      await bump(-1);
      return {
        kind: "limit_reached",
        existing: (await openTicketRows(scope, held)).map(toTicket),
        limit,
      };
    }
    const refusal = await typeLimit(trx, { scope, request, type });
    if (refusal !== null) {
      await bump(-1);
      return refusal;
    }

    const counter = await trx.selectFrom("guild_counters").select("next_number")
      .where("guild_id", "=", guildId).executeTakeFirstOrThrow();
    const sealed = await sealTicketText(scope, {
      topic: request.topic,
      answers: JSON.stringify(request.answers),
    });
    const id = await insertReturningId(
      scope,
      trx.insertInto("tickets").values({
        guild_id: guildId,
        number: toNumber(counter.next_number) - 1,
        type_id: typeId,
        channel_id: null,
        opener_id: openerId,
        status: "open",
        claimed_by: null,
        topic: sealed.topic,
        answers: sealed.answers,
        created_at: scope.now(),
        closed_at: null,
        closed_by: null,
        close_reason: null,
        close_step: null,
        assistant_paused: 0,
        relay_notice_at: null,
      }),
    );
    const row = await trx.selectFrom("tickets").selectAll().where("id", "=", id as TicketId)
      .executeTakeFirst();
    if (!row) throw new Error(`Cannot read ticket ${id} back after inserting it`);
    return { kind: "opened", ticket: toTicket(await openTicketRow(scope, row)) };
  });
}

/** The type's cooldown, then its total cap: the refusal, or null when neither holds. */
async function typeLimit(
  trx: Kysely<Database> | Transaction<Database>,
  checked: {
    scope: StoreScope;
    request: OpenTicketRequest;
    type: { total_open_cap: number | null; cooldown_seconds: number | null };
  },
): Promise<OpenLimitOutcome | null> {
  const { scope, request, type } = checked;
  if (type.cooldown_seconds !== null) {
    const last = await trx.selectFrom("tickets").select("created_at")
      .where("guild_id", "=", request.guildId).where("opener_id", "=", request.openerId)
      .where("type_id", "=", request.typeId).orderBy("created_at", "desc").limit(1)
      .executeTakeFirst();
    if (last) {
      const retryAt = toDate(last.created_at).getTime() + toNumber(type.cooldown_seconds) * 1000;
      if (scope.now() < retryAt) return { kind: "cooling_down", retryAt: new Date(retryAt) };
    }
  }
  if (type.total_open_cap !== null) {
    const open = await trx.selectFrom("tickets").select((eb) => eb.fn.countAll().as("n"))
      .where("type_id", "=", request.typeId).where("status", "in", HELD)
      .executeTakeFirstOrThrow();
    const cap = toNumber(type.total_open_cap);
    if (toNumber(open.n as number | string) >= cap) return { kind: "cap_reached", cap };
  }
  return null;
}
