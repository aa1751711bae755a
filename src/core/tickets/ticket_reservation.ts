/**
 * Turning a reserved ticket (a row without a channel) into an opened one: create
 * its private channel, or adopt the one a crashed open made for it, and save it.
 * The work runs under a database lock per ticket, renewed while it runs: an open
 * that died (its lease runs out on the database's clock, or is cleared at start
 * on SQLite) is taken over by the member's next click, never run twice at once.
 */
import type { HandlerContext } from "../context.ts";
import { keepFirstPlace } from "./keep_first_place.ts";
import type { InteractionInput, UserRef } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import type { NewAuditEvent, Ticket } from "../model.ts";
import type { PlacedType } from "./ticket_place.ts";
import { createTicketThread } from "./ticket_thread.ts";
import type { Channel } from "../discord_port.ts";
import type { LockOptions } from "../ports.ts";
import type { UserId } from "../ids.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { createPrivateChannel } from "./private_channel.ts";
import { channelsMarkedFor } from "./ticket_marker.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/**
 * The lock an open holds while it makes its ticket's channel: a creation takes a
 * few seconds even through rate limits, and the lease is renewed meanwhile, so
 * 30 s without renewal means its process is gone.
 */
export const RESERVATION_LOCK_TTL_MS = 30_000;

/** The lock key of a reserved ticket. */
export function reservationLockKey(ticket: Pick<Ticket, "id">): string {
  return `ticket-open:${ticket.id}`;
}

/** How a reservation ended: opened now, found opened by another click, or a refusal. */
export type ReservationOutcome =
  | { kind: "opened"; ticket: Ticket; channel: Channel; adopted: boolean }
  | { kind: "already_opened"; ticket: Ticket }
  | { kind: "in_progress" }
  | { kind: "refused"; reply: Reply };

/** Who opens and what. */
export interface ReservationRequest {
  input: InteractionInput;
  type: PlacedType;
  /** True for a click that takes over a reservation: look for a channel made for it first. */
  takeOver: boolean;
  /** Whose ticket it is, when not the member behind `input` (staff opening it for them). */
  opener?: UserRef;
}

/**
 * Completes the reservation of `ticket` under its lock. A take-over that finds the
 * lock held answers `in_progress` at once; the click that reserved waits for it.
 */
export async function completeReservation(
  ctx: HandlerContext,
  ticket: Ticket,
  request: ReservationRequest,
): Promise<ReservationOutcome> {
  const lock: LockOptions = {
    ttlMs: RESERVATION_LOCK_TTL_MS,
    waitMs: request.takeOver ? 0 : 10_000,
  };
  try {
    return await ctx.locks.withLock(
      reservationLockKey(ticket),
      lock,
      () => underLock(ctx, ticket, request),
    );
  } catch (error) {
    if (!(error instanceof LockTimeoutError)) throw error;
    if (request.takeOver) return { kind: "in_progress" };
    ctx.log.warn("Could not open ticket {number} in guild {guildId}: {error}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    return { kind: "in_progress" };
  }
}

async function underLock(
  ctx: HandlerContext,
  reserved: Ticket,
  request: ReservationRequest,
): Promise<ReservationOutcome> {
  const current = await ctx.tickets.get(reserved.id);
  if (current === null || current.status !== "open") {
    return {
      kind: "refused",
      reply: refuse("busy", t(fromDiscordLocale(request.input.locale), "open.could_not_open")),
    };
  }
  if (current.channelId !== null) return { kind: "already_opened", ticket: current };
  const { input } = request;
  const opener = input.member.user;

  let channel: Channel | null = null;
  if (request.takeOver) channel = await adoptStray(ctx, current);
  if (channel === null) {
    const made = await createFor(ctx, current, request);
    if ("reply" in made) {
      await ctx.tickets.discard(current.id);
      return { kind: "refused", reply: made.reply };
    }
    channel = made.channel;
  }

  try {
    // The ticket counts as opened once its channel is saved, and its audit row with
    // it: both commit together or neither does.
    const ticket = await ctx.atomically(async (tx) => {
      const opened = await tx.tickets.setChannel(current.id, channel.id);
      await tx.audit.record(openedEvent(opened, opener.id));
      return opened;
    });
    return { kind: "opened", ticket, channel, adopted: request.takeOver };
  } catch (error) {
    ctx.log.error("Could not save the channel of ticket {number} in guild {guildId}", {
      number: current.number,
      guildId: current.guildId,
      error,
    });
    try {
      await ctx.discord.deleteChannel(channel.id, "Ticket could not be saved");
    } catch (deleteError) {
      ctx.log.error("Could not delete orphan ticket channel {channelId}", {
        channelId: channel.id,
        error: deleteError,
      });
    }
    try {
      await ctx.tickets.discard(current.id);
    } catch (discardError) {
      ctx.log.warn("Could not discard ticket {ticketId}", {
        ticketId: current.id,
        error: discardError,
      });
    }
    return {
      kind: "refused",
      reply: refuse(
        "discord_unavailable",
        t(fromDiscordLocale(request.input.locale), "open.save_failed"),
      ),
    };
  }
}

/**
 * The channel a crashed open (or reopen) made for `ticket` (found by the mark in
 * its topic); any further one it made is deleted, so the member never sees two.
 */
export async function adoptStray(ctx: HandlerContext, ticket: Ticket): Promise<Channel | null> {
  const marked = channelsMarkedFor(await ctx.discord.guildChannels(ticket.guildId), ticket.id);
  return await keepFirstPlace(ctx, ticket, marked, "channel");
}

/** Creates the ticket's channel; an unexpected failure discards the reservation. */
async function createFor(
  ctx: HandlerContext,
  ticket: Ticket,
  request: ReservationRequest,
): Promise<{ channel: Channel } | { reply: Reply }> {
  const { input, type } = request;
  if (type.mode === "thread") {
    return await createTicketThread(ctx, ticket, {
      input,
      type,
      takeOver: request.takeOver,
      opener: request.opener ?? input.member.user,
    });
  }
  const opener = request.opener ?? input.member.user;
  try {
    return await createPrivateChannel(ctx, ticket, {
      type,
      opener,
      topic: `Ticket #${ticket.number} opened by ${opener.username} (${opener.id})`,
      locale: input.locale,
    });
  } catch (error) {
    await ctx.tickets.discard(ticket.id);
    throw error;
  }
}

/** The audit record of `ticket` being opened by `openerId`. */
export function openedEvent(ticket: Ticket, openerId: UserId): NewAuditEvent {
  return {
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: openerId,
    action: "ticket.open",
    detail: { number: ticket.number, channelId: ticket.channelId, topic: ticket.topic },
  };
}
