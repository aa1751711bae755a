/** The `AuditLog`: one row per action, newest read first. */
import type { AuditLog } from "../../core/ports.ts";
import { toAuditEvent } from "../row_mapping.ts";
import type { StoreScope } from "./scope.ts";

/** An `AuditLog` whose queries run on `scope`. */
export function auditLog(scope: StoreScope): AuditLog {
  const { db } = scope;
  return {
    async record(event) {
      await db.insertInto("audit_events").values({
        guild_id: event.guildId,
        ticket_id: event.ticketId,
        actor_id: event.actorId,
        action: event.action,
        detail: JSON.stringify(event.detail),
        created_at: scope.now(),
      }).execute();
    },

    async recent(guildId, limit) {
      const rows = await db.selectFrom("audit_events").selectAll()
        .where("guild_id", "=", guildId).orderBy("id", "desc").limit(limit).execute();
      return rows.map(toAuditEvent);
    },
  };
}
