/** The privacy ports: erasing a member's words, their own copy, and retention's deletions. */
import type { GuildId, UserId } from "../ids.ts";
import type { TicketId } from "../model.ts";

/** What erasing a member changed, in counts. */
export interface ErasureCounts {
  tickets: number;
  messages: number;
  transcripts: number;
}

/** A member's data in a guild: erasing their words, and the copy of what is theirs. */
export interface PrivacyStore {
  /**
   * In one transaction: removes `userId`'s words from the guild's archives and
   * transcripts and records a `privacy.erase` audit row naming `actorId` (null: the command line).
   */
  erase(
    guildId: GuildId,
    options: { userId: UserId; actorId: UserId | null },
  ): Promise<ErasureCounts>;
  /** The tickets `userId` opened and the messages they wrote, as JSON, without others' words. */
  exportOwn(
    guildId: GuildId,
    userId: UserId,
  ): Promise<{ json: string; tickets: number; messages: number }>;
  /**
   * Atomically takes the member's export slot at `at` when their last one is at
   * least `windowMs` old (or there is none); otherwise gives when it frees up.
   */
  takeExportSlot(
    guildId: GuildId,
    userId: UserId,
    options: { at: Date; windowMs: number },
  ): Promise<{ taken: true } | { taken: false; freeAt: Date }>;
  /** Gives back the slot taken at `at` (the copy could not be delivered). */
  releaseExportSlot(guildId: GuildId, userId: UserId, at: Date): Promise<void>;
}

/**
 * What retention deletes once its time is up: closed tickets past their type's
 * `retentionDays`, and guilds the bot left long enough ago. Every deletion is
 * conditional, so several processes running the same pass delete each thing once.
 */
export interface RetentionStore {
  /** Records that the bot left `guildId` at `at` (default: the database's time); the first record stays. */
  recordDeparture(guildId: GuildId, at?: Date): Promise<void>;
  /** The bot is in `guildId` again: nothing of it is deleted for that departure. */
  cancelDeparture(guildId: GuildId): Promise<void>;
  /** Up to `limit` closed, unexpired tickets whose type's retention ran out by `at`, oldest first. */
  ticketsDue(at: Date, limit: number): Promise<TicketId[]>;
  /**
   * In one transaction, when the ticket is still due at `at` and not yet expired:
   * deletes its transcript, archive, attachment copies, search words and share
   * links, clears its topic, answers and close reason (in its audit rows too), and
   * marks it expired at `at`. False when there was nothing to do.
   */
  expireTicket(id: TicketId, at: Date): Promise<boolean>;
  /** Up to `limit` guilds the bot left at or before `before`, and has not come back to. */
  guildsLeftBefore(before: Date, limit: number): Promise<GuildId[]>;
  /**
   * In one transaction, when the bot left `guildId` at or before `before` and has
   * not come back: deletes every row of the guild. False when there was nothing to do.
   */
  purgeGuild(guildId: GuildId, before: Date): Promise<boolean>;
}
