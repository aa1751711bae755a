/** The condition every statistics read shares: a guild's tickets, of some types, handled by someone. */
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { StatsQuery } from "../../core/stats/stats_query.ts";
import type { Database } from "../schema.ts";

/** The condition on `tickets` alone for the query's guild and types (whoever handled them). */
export function inGuildTypes(filter: Pick<StatsQuery, "guildId" | "typeIds">) {
  return (eb: ExpressionBuilder<Database, "tickets">) => {
    const conditions: Expression<SqlBool>[] = [eb("tickets.guild_id", "=", filter.guildId)];
    if (filter.typeIds !== null) {
      conditions.push(
        filter.typeIds.length === 0
          ? eb("tickets.type_id", "=", -1)
          : eb("tickets.type_id", "in", [...filter.typeIds]),
      );
    }
    return eb.and(conditions);
  };
}

/** The condition on `tickets` (joined with `ticket_feedback`) for the query's guild, types and staff. */
export function inScope(filter: Pick<StatsQuery, "guildId" | "typeIds" | "staffId">) {
  return (eb: ExpressionBuilder<Database, "tickets" | "ticket_feedback">) => {
    const conditions: Expression<SqlBool>[] = [eb("tickets.guild_id", "=", filter.guildId)];
    if (filter.typeIds !== null) {
      conditions.push(
        filter.typeIds.length === 0
          ? eb("tickets.type_id", "=", -1)
          : eb("tickets.type_id", "in", [...filter.typeIds]),
      );
    }
    if (filter.staffId !== null) {
      conditions.push(eb.or([
        eb("tickets.claimed_by", "=", filter.staffId),
        eb.and([
          eb("tickets.claimed_by", "is", null),
          eb("ticket_feedback.staff_id", "=", filter.staffId),
        ]),
      ]));
    }
    return eb.and(conditions);
  };
}
