/**
 * The `TicketBrowser`: ticket lists for the web pages, full-text search over
 * archived messages (FTS5, `tsvector`, `FULLTEXT`, by dialect) and audit trails.
 */
import { type Expression, sql, type SqlBool } from "kysely";
import type { GuildId } from "../../core/ids.ts";
import type { TicketBrowser, TicketFilter } from "../../core/ports.ts";
import { toAuditEvent, toTicket, toTicketType } from "../row_mapping.ts";
import { searchTerms } from "./message_index.ts";
import type { StoreScope } from "./scope.ts";
import { openTicketRows } from "../encryption/sealed_rows.ts";

/**
 * The ids of tickets with a message holding every word (one of each word's
 * alternatives), as a subquery for `scope`'s dialect. Words and tokens are
 * letters and digits only, so no query syntax reaches the engine.
 */
function matchingTickets(scope: StoreScope, terms: string[][]): Expression<SqlBool> {
  if (scope.kind === "sqlite") {
    const query = terms.map((alts) => `(${alts.map((w) => `"${w}"`).join(" OR ")})`).join(
      " AND ",
    );
    return sql<SqlBool>`tickets.id in (select ticket_id from message_search
      where message_search match ${query})`;
  }
  if (scope.kind === "postgres") {
    return sql<SqlBool>`tickets.id in (select ticket_id from message_search
      where document @@ to_tsquery('simple', ${
      terms.map((alts) => `(${alts.join(" | ")})`).join(" & ")
    }))`;
  }
  const query = terms.map((alts) => `+(${alts.join(" ")})`).join(" ");
  return sql<SqlBool>`tickets.id in (select ticket_id from message_search
    where match (content) against (${query} in boolean mode))`;
}

/** A `TicketBrowser` whose queries run on `scope`. */
export function ticketBrowser(scope: StoreScope): TicketBrowser {
  const { db } = scope;
  return {
    async involving(userId, limit) {
      const rows = await db.selectFrom("tickets").selectAll()
        .where((eb) =>
          eb.or([
            eb("opener_id", "=", userId),
            eb(
              "id",
              "in",
              eb.selectFrom("ticket_members").select("ticket_id")
                .where("user_id", "=", userId),
            ),
          ])
        )
        .orderBy("id", "desc").limit(limit).execute();
      return (await openTicketRows(scope, rows)).map(toTicket);
    },

    async inGuild(guildId, filter: TicketFilter, page) {
      let query = db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId);
      if (filter.typeId !== undefined) query = query.where("type_id", "=", filter.typeId);
      if (filter.status !== undefined) query = query.where("status", "=", filter.status);
      if (filter.claimedBy !== undefined) query = query.where("claimed_by", "=", filter.claimedBy);
      if (filter.openerId !== undefined) query = query.where("opener_id", "=", filter.openerId);
      if (filter.priority !== undefined) query = query.where("priority", "=", filter.priority);
      const terms = await searchTerms(scope, filter.text ?? "");
      if (terms.length > 0) query = query.where(matchingTickets(scope, terms));
      const rows = await query.orderBy("id", "desc").offset(page.offset).limit(page.limit)
        .execute();
      return (await openTicketRows(scope, rows)).map(toTicket);
    },

    async typesOf(guildId) {
      const rows = await db.selectFrom("ticket_types").selectAll().where("guild_id", "=", guildId)
        .orderBy("id").execute();
      return rows.map(toTicketType);
    },

    async guildsWithTypes() {
      const rows = await db.selectFrom("ticket_types").select("guild_id").distinct()
        .orderBy("guild_id").execute();
      return rows.map((row) => row.guild_id as GuildId);
    },

    async auditTrail(ticketId) {
      const rows = await db.selectFrom("audit_events").selectAll()
        .where("ticket_id", "=", ticketId).orderBy("id").execute();
      return rows.map(toAuditEvent);
    },
  };
}
