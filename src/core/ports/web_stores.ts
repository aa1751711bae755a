/** The stores the web pages read besides the handlers' stores: the ticket browser and share links. */
import type { GuildId, UserId } from "../ids.ts";
import type {
  AuditEvent,
  Ticket,
  TicketId,
  TicketPriority,
  TicketStatus,
  TicketType,
  TicketTypeId,
} from "../model.ts";

/** Filters of a guild's ticket list; an absent field does not filter. */
export interface TicketFilter {
  typeId?: TicketTypeId;
  status?: TicketStatus;
  claimedBy?: UserId;
  openerId?: UserId;
  priority?: TicketPriority;
  /** Words that must all occur in one of the ticket's archived messages. */
  text?: string;
}

/** What the web pages read: tickets across guilds, a guild's list with search, audit trails. */
export interface TicketBrowser {
  /** Tickets `userId` opened or was added to, every guild, newest first. */
  involving(userId: UserId, limit: number): Promise<Ticket[]>;
  /** One page of a guild's tickets that match `filter`, newest first. */
  inGuild(
    guildId: GuildId,
    filter: TicketFilter,
    page: { offset: number; limit: number },
  ): Promise<Ticket[]>;
  /** Every ticket type of a guild. */
  typesOf(guildId: GuildId): Promise<TicketType[]>;
  /** The guilds that have a ticket type (those that ever used the bot). */
  guildsWithTypes(): Promise<GuildId[]>;
  /** The audit events of one ticket, oldest first. */
  auditTrail(ticketId: TicketId): Promise<AuditEvent[]>;
}

/** A signed link to one transcript that works without signing in, until it expires. */
export interface ShareLink {
  id: string;
  ticketId: TicketId;
  createdBy: UserId;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Share links, kept so that revoking one is remembered. */
export interface ShareLinkStore {
  create(link: Omit<ShareLink, "revokedAt">): Promise<void>;
  get(id: string): Promise<ShareLink | null>;
  /** Revokes a link of `ticketId`; false when there is none or it was revoked already. */
  revoke(ticketId: TicketId, id: string, by: UserId, at: Date): Promise<boolean>;
  /** A ticket's links that are neither revoked nor expired at `now`, newest first. */
  activeFor(ticketId: TicketId, now: Date): Promise<ShareLink[]>;
}

/** The stores the web pages use besides `Stores`. */
export interface WebStores {
  browser: TicketBrowser;
  shareLinks: ShareLinkStore;
}
