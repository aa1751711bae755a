/**
 * The queue of `/ticket list`: a guild's open tickets of some types, filtered in
 * SQL (claimed by the viewer, unclaimed, or by who they wait for), oldest first.
 */
import type { GuildId } from "../../core/ids.ts";
import type { QueuePage, QueueQuery } from "../../core/ports.ts";
import { toNumber, toTicket } from "../row_mapping.ts";
import { openTicketRows } from "../encryption/sealed_rows.ts";
import type { StoreScope } from "./scope.ts";

/** The page `query` asks for, and how many tickets pass its filter. */
export async function ticketQueue(
  scope: StoreScope,
  guildId: GuildId,
  query: QueueQuery,
): Promise<QueuePage> {
  if (query.typeIds.length === 0) return { tickets: [], total: 0 };
  let base = scope.db.selectFrom("tickets").where("guild_id", "=", guildId)
    .where("status", "=", "open").where("type_id", "in", [...query.typeIds]);
  switch (query.filter) {
    case "mine":
      base = base.where("claimed_by", "=", query.viewerId);
      break;
    case "unclaimed":
      base = base.where("claimed_by", "is", null);
      break;
    case "waiting-staff":
      base = base.where("waiting_for", "=", "staff");
      break;
    case "waiting-member":
      base = base.where("waiting_for", "=", "member");
      break;
    case "all":
      break;
  }
  const count = await base.select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy("created_at").orderBy("id")
    .offset(query.offset).limit(query.limit).execute();
  return {
    tickets: (await openTicketRows(scope, rows)).map(toTicket),
    total: toNumber(count.count as number | string | bigint),
  };
}
