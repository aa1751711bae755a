/**
 * The guild's row lock: the `guild_counters` row that every open of the guild
 * takes first. Creating or deleting a type takes it too, so those line up with
 * the guild's opens (a type is never deleted under an open that is counting it).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import { ignoringDuplicates } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** Locks the guild's counter row (creating it) until `trx` ends. */
export async function lockGuild(
  scope: Pick<StoreScope, "kind">,
  trx: Kysely<Database> | Transaction<Database>,
  guildId: string,
): Promise<void> {
  const select = () => {
    const query = trx.selectFrom("guild_counters").select("guild_id")
      .where("guild_id", "=", guildId);
    return (scope.kind === "sqlite" ? query : query.forUpdate()).executeTakeFirst();
  };
  if (await select()) return;
  await ignoringDuplicates(
    scope,
    trx.insertInto("guild_counters").values({ guild_id: guildId, next_number: 1 }),
  ).execute();
  await select();
}
