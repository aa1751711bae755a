/** Gateway sessions per shard: the time spans the live archive covers. */
import type { ArchiveStore } from "../../core/ports.ts";
import { toDate, toNumber } from "../row_mapping.ts";
import type { StoreScope } from "./scope.ts";

/** The session methods of the `ArchiveStore`, whose queries run on `scope`. */
export function gatewaySessions(
  scope: StoreScope,
): Pick<ArchiveStore, "sessionStarted" | "sessionSeen" | "sessions"> {
  const { db } = scope;
  return {
    async sessionStarted(session) {
      const at = session.startedAt.getTime();
      await db.insertInto("gateway_sessions").values({
        id: session.id,
        shard_id: session.shardId,
        shard_count: session.shardCount,
        started_at: at,
        seen_at: at,
        live: 1,
      }).execute();
    },

    async sessionSeen(id, at, live) {
      await db.updateTable("gateway_sessions")
        .set({ seen_at: at.getTime(), live: live ? 1 : 0 })
        .where("id", "=", id).execute();
    },

    async sessions(since) {
      const rows = await db.selectFrom("gateway_sessions").selectAll()
        .where((eb) => eb.or([eb("seen_at", ">=", since.getTime()), eb("live", "=", 1)]))
        .orderBy("started_at").execute();
      return rows.map((row) => ({
        id: row.id,
        shardId: toNumber(row.shard_id),
        shardCount: toNumber(row.shard_count),
        startedAt: toDate(row.started_at),
        seenAt: toDate(row.seen_at),
        live: toNumber(row.live) === 1,
      }));
    },
  };
}
