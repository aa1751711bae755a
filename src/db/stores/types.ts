/** The `TypeStore`: the kinds of ticket a guild offers, with their limits and questions. */
import {
  defaultTypeSettings,
  MAX_TYPES_PER_GUILD,
  type TicketTypePatch,
  type TicketTypeSettings,
} from "../../core/model.ts";
import type { TypeStore } from "../../core/ports.ts";
import { typePatchProblems } from "../../core/types/type_rules.ts";
import { isUniqueViolation } from "../db_errors.ts";
import { toNumber, toTicketType } from "../row_mapping.ts";
import type { NewTicketTypeRow, TicketTypeUpdate } from "../schema.ts";
import { lockGuild } from "./guild_lock.ts";
import { findOrInsert } from "./inserts.ts";
import { HELD } from "./open_ticket.ts";
import { inTransaction, type StoreScope } from "./scope.ts";
import { compiledOnce } from "./compiled_once.ts";
import type { TicketTypeId } from "../../core/model.ts";

/** Name of the default ticket type a guild gets on first use. */
export const DEFAULT_TICKET_TYPE_NAME = "Support";

/** The unique key of a type name: lower case, as long as the column allows. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().slice(0, 100);
}

/** A `TypeStore` whose queries run on `scope`. */
export function typeStore(scope: StoreScope): TypeStore {
  const { db } = scope;
  const live = () => db.selectFrom("ticket_types").selectAll().where("deleted_at", "is", null);
  // A staff member's message in a ticket reads its type.
  const byId = compiledOnce(scope, (id: TicketTypeId) => live().where("id", "=", id));
  // Most commands read the guild's default type.
  const defaultOf = compiledOnce(
    scope,
    (guildId: string) => live().where("guild_id", "=", guildId).where("is_default", "=", 1),
  );
  const store: TypeStore = {
    async defaultFor(guildId) {
      const row = await findOrInsert(scope, {
        find: async () => (await defaultOf(guildId)).rows[0],
        insert: (at) =>
          db.insertInto("ticket_types").values(
            newTypeRow(guildId, defaultTypeSettings(DEFAULT_TICKET_TYPE_NAME), {
              at,
              isDefault: true,
            }),
          ),
        what: `the default ticket type of guild ${guildId}`,
      });
      return toTicketType(row);
    },

    async get(id) {
      const [row] = (await byId(id)).rows;
      return row ? toTicketType(row) : null;
    },

    async list(guildId) {
      const rows = await live().where("guild_id", "=", guildId).orderBy("id").execute();
      return rows.map(toTicketType).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    },

    async byName(guildId, name) {
      const row = await live().where("guild_id", "=", guildId)
        .where("name_key", "=", nameKey(name)).executeTakeFirst();
      return row ? toTicketType(row) : null;
    },

    async withCategory() {
      const rows = await live().where("category_id", "is not", null).orderBy("id").execute();
      return rows.map(toTicketType);
    },

    async create(guildId, settings) {
      await checkPatch(settings);
      return inTransaction(scope, async (trx) => {
        await lockGuild(scope, trx, guildId);
        const count = await trx.selectFrom("ticket_types").select((eb) => eb.fn.countAll().as("n"))
          .where("guild_id", "=", guildId).where("deleted_at", "is", null)
          .executeTakeFirstOrThrow();
        if (toNumber(count.n as number | string) >= MAX_TYPES_PER_GUILD) {
          return { kind: "too_many", max: MAX_TYPES_PER_GUILD };
        }
        const taken = await trx.selectFrom("ticket_types").select("id")
          .where("guild_id", "=", guildId).where("name_key", "=", nameKey(settings.name))
          .executeTakeFirst();
        if (taken) return { kind: "name_taken" };
        await trx.insertInto("ticket_types")
          .values(newTypeRow(guildId, settings, { at: scope.now(), isDefault: false })).execute();
        const row = await trx.selectFrom("ticket_types").selectAll()
          .where("guild_id", "=", guildId).where("name_key", "=", nameKey(settings.name))
          .executeTakeFirstOrThrow();
        return { kind: "created", type: toTicketType(row) };
      });
    },

    async update(id, patch) {
      await checkPatch(patch);
      const update = ticketTypeUpdate(patch, scope.now());
      let result;
      try {
        result = await db.updateTable("ticket_types").set(update).where("id", "=", id)
          .where("deleted_at", "is", null).executeTakeFirst();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new RangeError(`Cannot rename ticket type ${id}: the name is taken`, {
          cause: error,
        });
      }
      if (result.numUpdatedRows === 0n && scope.kind !== "mysql") {
        throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      }
      const type = await store.get(id);
      if (!type) throw new Error(`Cannot update ticket type ${id}: it does not exist`);
      return type;
    },

    remove(id) {
      return inTransaction(scope, async (trx) => {
        const row = await trx.selectFrom("ticket_types").select(["guild_id", "is_default"])
          .where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst();
        if (!row) return { kind: "missing" };
        if (row.is_default !== null) return { kind: "is_default" };
        await lockGuild(scope, trx, row.guild_id);
        const open = await trx.selectFrom("tickets").select((eb) => eb.fn.countAll().as("n"))
          .where("type_id", "=", id).where("status", "in", HELD).executeTakeFirstOrThrow();
        const count = toNumber(open.n as number | string);
        if (count > 0) return { kind: "has_open_tickets", count };
        // Closed tickets keep their type: the row stays, out of every lookup, its name free.
        await trx.updateTable("ticket_types")
          .set({ deleted_at: scope.now(), name_key: `#deleted ${id}` })
          .where("id", "=", id).execute();
        return { kind: "deleted" };
      });
    },
  };
  return store;
}

/** Refuses a patch that breaks a rule of `type_schema.ts`, naming the rule. */
async function checkPatch(patch: TicketTypePatch): Promise<void> {
  const problems = await typePatchProblems(patch);
  if (problems.length > 0) {
    throw new RangeError(`Cannot store the ticket type: ${problems.join("; ")}`);
  }
}

/** The row of a new type. */
function newTypeRow(
  guildId: string,
  settings: TicketTypeSettings,
  options: { at: number; isDefault: boolean },
): NewTicketTypeRow {
  return {
    guild_id: guildId,
    is_default: options.isDefault ? 1 : null,
    created_at: options.at,
    updated_at: options.at,
    ...columns(settings),
  } as NewTicketTypeRow;
}

/** The columns a ticket type patch changes. */
function ticketTypeUpdate(patch: TicketTypePatch, at: number): TicketTypeUpdate {
  return { updated_at: at, ...columns(patch) };
}

const json = (value: unknown) => value === null ? null : JSON.stringify(value);
const flag = (value: boolean) => value ? 1 : 0;

/** Each setting in `patch` as its column. */
function columns(patch: TicketTypePatch): TicketTypeUpdate {
  const c: TicketTypeUpdate = {};
  const p = patch;
  if (p.name !== undefined) {
    c.name = p.name.trim();
    c.name_key = nameKey(p.name);
  }
  if (p.emoji !== undefined) c.emoji = p.emoji;
  if (p.description !== undefined) c.description = p.description;
  if (p.categoryId !== undefined) c.category_id = p.categoryId;
  if (p.mode !== undefined) c.mode = p.mode;
  if (p.parentChannelId !== undefined) c.parent_channel_id = p.parentChannelId;
  if (p.staffRoleIds !== undefined) c.staff_role_ids = JSON.stringify(p.staffRoleIds);
  if (p.namingScheme !== undefined) c.naming_scheme = p.namingScheme;
  if (p.welcomeText !== undefined) c.welcome_text = p.welcomeText;
  if (p.questions !== undefined) c.questions = JSON.stringify(p.questions);
  if (p.maxOpenPerMember !== undefined) c.max_open_per_member = p.maxOpenPerMember;
  if (p.totalOpenCap !== undefined) c.total_open_cap = p.totalOpenCap;
  if (p.cooldownSeconds !== undefined) c.cooldown_seconds = p.cooldownSeconds;
  if (p.requiredRoleIds !== undefined) c.required_role_ids = JSON.stringify(p.requiredRoleIds);
  if (p.blockedRoleIds !== undefined) c.blocked_role_ids = JSON.stringify(p.blockedRoleIds);
  if (p.openersMayAddMembers !== undefined) {
    c.openers_may_add_members = flag(p.openersMayAddMembers);
  }
  if (p.claimMode !== undefined) c.claim_mode = p.claimMode;
  if (p.supportHours !== undefined) c.support_hours = json(p.supportHours);
  if (p.autoClose !== undefined) c.auto_close = json(p.autoClose);
  if (p.closeWhenOpenerLeaves !== undefined) {
    c.close_when_opener_leaves = flag(p.closeWhenOpenerLeaves);
  }
  if (p.feedback !== undefined) c.feedback = flag(p.feedback);
  if (p.transcriptChannelId !== undefined) c.transcript_channel_id = p.transcriptChannelId;
  if (p.retentionDays !== undefined) c.retention_days = p.retentionDays;
  if (p.closeRequestTimeoutHours !== undefined) {
    c.close_request_timeout_hours = p.closeRequestTimeoutHours;
  }
  if (p.threadClose !== undefined) c.thread_close = p.threadClose;
  return c;
}
