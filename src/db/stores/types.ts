/** The `TypeStore`: the kinds of ticket a guild offers, with their limits and questions. */
import {
  DEFAULT_MAX_OPEN_PER_MEMBER,
  DEFAULT_NAMING_SCHEME,
  type TicketTypePatch,
} from "../../core/model.ts";
import type { TypeStore } from "../../core/ports.ts";
import { toTicketType } from "../row_mapping.ts";
import type { TicketTypeUpdate } from "../schema.ts";
import { findOrInsert } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** Name of the default ticket type a guild gets on first use. */
export const DEFAULT_TICKET_TYPE_NAME = "Support";

/** A `TypeStore` whose queries run on `scope`. */
export function typeStore(scope: StoreScope): TypeStore {
  const { db } = scope;
  const store: TypeStore = {
    async defaultFor(guildId) {
      const row = await findOrInsert(scope, {
        find: () =>
          db.selectFrom("ticket_types").selectAll().where("guild_id", "=", guildId)
            .where("is_default", "=", 1).executeTakeFirst(),
        insert: (at) =>
          db.insertInto("ticket_types").values({
            guild_id: guildId,
            name: DEFAULT_TICKET_TYPE_NAME,
            is_default: 1,
            category_id: null,
            staff_role_ids: "[]",
            naming_scheme: DEFAULT_NAMING_SCHEME,
            welcome_text: null,
            questions: "[]",
            max_open_per_member: DEFAULT_MAX_OPEN_PER_MEMBER,
            openers_may_add_members: 0,
            created_at: at,
            updated_at: at,
          }),
        what: `the default ticket type of guild ${guildId}`,
      });
      return toTicketType(row);
    },

    async get(id) {
      const row = await db.selectFrom("ticket_types").selectAll().where("id", "=", id)
        .executeTakeFirst();
      return row ? toTicketType(row) : null;
    },

    async withCategory() {
      const rows = await db.selectFrom("ticket_types").selectAll()
        .where("category_id", "is not", null).orderBy("id").execute();
      return rows.map(toTicketType);
    },

    async update(id, patch) {
      const update = ticketTypeUpdate(patch, scope.now());
      const result = await db.updateTable("ticket_types").set(update).where("id", "=", id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      }
      const type = await store.get(id);
      if (!type) throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      return type;
    },
  };
  return store;
}

/** The columns a ticket type patch changes; checks the limits handlers also check. */
function ticketTypeUpdate(patch: TicketTypePatch, at: number): TicketTypeUpdate {
  const update: TicketTypeUpdate = { updated_at: at };
  if (patch.name !== undefined) update.name = patch.name;
  if (patch.categoryId !== undefined) update.category_id = patch.categoryId;
  if (patch.staffRoleIds !== undefined) update.staff_role_ids = JSON.stringify(patch.staffRoleIds);
  if (patch.namingScheme !== undefined) update.naming_scheme = patch.namingScheme;
  if (patch.welcomeText !== undefined) update.welcome_text = patch.welcomeText;
  if (patch.questions !== undefined) {
    if (patch.questions.length > 5) {
      throw new RangeError(
        `Cannot store ${patch.questions.length} questions: a ticket type has at most 5`,
      );
    }
    update.questions = JSON.stringify(patch.questions);
  }
  if (patch.maxOpenPerMember !== undefined) {
    const max = patch.maxOpenPerMember;
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      throw new RangeError(`Cannot set the open-ticket limit to ${max}: it must be 1-100`);
    }
    update.max_open_per_member = max;
  }
  if (patch.openersMayAddMembers !== undefined) {
    update.openers_may_add_members = patch.openersMayAddMembers ? 1 : 0;
  }
  return update;
}
