/** The part of the tag store the configuration file reads and writes. */
import type { GuildId, UserId } from "../ids.ts";

/** A guild's saved answers, by name. */
export interface ConfigTags {
  list(guildId: GuildId): Promise<Array<{ name: string; content: string }>>;
  create(
    tag: { guildId: GuildId; name: string; content: string; createdBy: UserId },
  ): Promise<unknown>;
  update(guildId: GuildId, name: string, content: string): Promise<unknown>;
  delete(guildId: GuildId, name: string): Promise<unknown>;
}
