/** The `ShareLinkStore`: signed transcript links, kept so that revocations are remembered. */
import type { TicketId } from "../../core/model.ts";
import type { UserId } from "../../core/ids.ts";
import type { ShareLink, ShareLinkStore } from "../../core/ports.ts";
import type { ShareLinkRow } from "../schema.ts";
import { toDate, toNullableDate } from "../row_mapping.ts";
import type { StoreScope } from "./scope.ts";

function toShareLink(row: ShareLinkRow): ShareLink {
  return {
    id: row.id,
    ticketId: row.ticket_id as TicketId,
    createdBy: row.created_by as UserId,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: toNullableDate(row.revoked_at),
  };
}

/** A `ShareLinkStore` whose queries run on `scope`. */
export function shareLinkStore(scope: StoreScope): ShareLinkStore {
  const { db } = scope;
  return {
    async create(link) {
      await db.insertInto("share_links").values({
        id: link.id,
        ticket_id: link.ticketId,
        created_by: link.createdBy,
        created_at: link.createdAt.getTime(),
        expires_at: link.expiresAt.getTime(),
        revoked_at: null,
        revoked_by: null,
      }).execute();
    },

    async get(id) {
      const row = await db.selectFrom("share_links").selectAll().where("id", "=", id)
        .executeTakeFirst();
      return row === undefined ? null : toShareLink(row);
    },

    async revoke(ticketId, id, by, at) {
      const result = await db.updateTable("share_links")
        .set({ revoked_at: at.getTime(), revoked_by: by })
        .where("id", "=", id).where("ticket_id", "=", ticketId).where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async activeFor(ticketId, now) {
      const rows = await db.selectFrom("share_links").selectAll()
        .where("ticket_id", "=", ticketId).where("revoked_at", "is", null)
        .where("expires_at", ">", now.getTime())
        .orderBy("created_at", "desc").execute();
      return rows.map(toShareLink);
    },
  };
}
