/** What a reconciliation pass needs, is told, and reports. */
import type { HandlerContext } from "./context.ts";
import type { ChannelId, GuildId, UserId } from "./ids.ts";
import type { TicketId } from "./model.ts";

/** What reconciliation needs: a handler context without an interaction to defer. */
export type ReconcileContext = Omit<HandlerContext, "defer">;

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** The bot's own user id: it closes tickets and is not a ticket participant. */
  botUserId: UserId;
  /** Only these guilds (default: every guild the bot is in, every ticket in the database). */
  guildIds?: GuildId[];
  /**
   * Younger tickets without a channel and younger channels without a ticket row are
   * left alone: an open in flight looks exactly like that. Default 10 minutes.
   */
  graceMs?: number;
  /** Guilds to leave alone this pass (the bot left them: Discord would answer 403). */
  skipGuild?: (guildId: GuildId) => Promise<boolean>;
}

/** What a reconciliation pass did. */
export interface ReconcileSummary {
  /** Open tickets whose channel was gone, now closed (or left closing to resume later). */
  closedMissing: TicketId[];
  /** Tickets left in `closing` whose close finished now. */
  resumed: TicketId[];
  /** Ticket-looking channels without a ticket row (reported, not deleted). */
  orphanChannels: ChannelId[];
  /** Tickets reserved but never given a channel, discarded (their numbers stay used). */
  discarded: TicketId[];
  /** Tickets or guilds that could not be reconciled this time (logged). */
  failures: number;
}
