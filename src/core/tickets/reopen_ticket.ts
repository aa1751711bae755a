/**
 * Reopening a closed ticket: the same number comes back in a new private
 * channel (see `reopen_place.ts`) with its opener and members, its previous
 * transcript is posted first (the web page's link, or the file), then who
 * reopened it. Every refusal comes before anything changes. One reopen runs per
 * ticket at a time (a database lock), and the status moves from closed to open
 * in one conditional update with its audit row, so concurrent reopens make one
 * channel; a channel made for a reopen that lost is deleted again.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { allowed } from "../access.ts";
import { announceAction } from "../audit_log.ts";
import { buttonRow } from "../button_row.ts";
import type { ChannelId } from "../ids.ts";
import type { MessageBody } from "../message_body.ts";
import type { NewAuditEvent, Ticket, TicketType, TranscriptInfo } from "../model.ts";
import type { LockOptions } from "../ports.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { guildLanguage, readerText } from "../language.ts";
import { transcriptLinkRow } from "../transcript/transcript_link.ts";
import { DISCORD_UPLOAD_LIMIT, transcriptFiles } from "../transcript/upload_files.ts";
import { reopenPlace } from "./reopen_place.ts";
import type { Locale } from "../../i18n/locale.ts";
import { type Translator, translator } from "../../i18n/translator.ts";

/**
 * One reopen of a ticket at a time: making its channel takes a few requests,
 * and a second staff member's click waits for the first, then finds it open.
 */
const REOPEN_LOCK: LockOptions = { ttlMs: 30_000, waitMs: 15_000 };

/** Options of `reopenTicket`. */
export interface ReopenOptions {
  /** Largest file uploaded (the interaction's `attachment_size_limit`). */
  uploadLimitBytes?: number;
}

/** The ticket's type with its category, or the refusal that says why it cannot come back. */
async function reopenable(
  input: InteractionInput,
  ctx: HandlerContext,
  ticket: Ticket,
): Promise<Reply | { type: TicketType }> {
  const tr = readerText(input);
  const number = ticket.number;
  const type = await ctx.types.get(ticket.typeId);
  if (type === null) return refuse("unknown_type", tr.t("reopen.type_deleted", { number }));
  if (!allowed("reopen", input.member, { type, ticket })) {
    return refuse("not_staff", tr.t("reopen.not_staff"));
  }
  if (ticket.status === "open") return refuse("ticket_open", tr.t("reopen.still_open", { number }));
  if (ticket.status === "closing") return refuse("busy", tr.t("reopen.closing", { number }));
  if (ticket.expiredAt !== null) {
    return refuse("ticket_expired", tr.t("reopen.expired", { number }));
  }
  if ((await ctx.transcripts.list(ticket.id)).length === 0) {
    return refuse("ticket_expired", tr.t("reopen.no_transcript", { number }));
  }
  if (type.mode === "thread" && type.parentChannelId === null) {
    return refuse("not_configured", tr.t("thread.parent_missing"));
  }
  if (type.mode !== "thread" && type.categoryId === null) {
    return refuse("not_configured", tr.t("open.category_missing"));
  }
  return { type };
}

/**
 * Reopens `found.ticket` for the staff member behind `input`; null is no ticket of
 * `found.number` here (or, from a button, none any more).
 */
export async function reopenTicket(
  input: InteractionInput,
  ctx: HandlerContext,
  found: { ticket: Ticket | null; number: number | null; options?: ReopenOptions },
): Promise<Reply> {
  const { ticket } = found;
  const tr = readerText(input);
  if (ticket === null || ticket.guildId !== input.guildId) {
    return refuse(
      "unknown_ticket",
      found.number === null
        ? tr.t("unknown_component")
        : tr.t("reopen.not_found", { number: found.number }),
    );
  }
  const checked = await reopenable(input, ctx, ticket);
  if ("kind" in checked) return checked;
  await ctx.defer({ ephemeral: true });
  try {
    return await ctx.locks.withLock(
      `reopen:${ticket.id}`,
      REOPEN_LOCK,
      () => underLock(input, ctx, { ticket, type: checked.type, options: found.options ?? {} }),
    );
  } catch (error) {
    if (!(error instanceof LockTimeoutError)) throw error;
    return refuse("busy", tr.t("reopen.busy", { number: ticket.number }));
  }
}

async function underLock(
  input: InteractionInput,
  ctx: HandlerContext,
  job: {
    ticket: Ticket;
    type: TicketType;
    options: ReopenOptions;
  },
): Promise<Reply> {
  const tr = readerText(input);
  // Another reopen may have finished while this one waited for the lock.
  const current = await ctx.tickets.get(job.ticket.id) ?? job.ticket;
  if (current.status === "open" && current.channelId !== null) {
    return ephemeral(
      tr.t("reopen.reopened", { number: current.number, channel: current.channelId }),
    );
  }
  const checked = await reopenable(input, ctx, current);
  if ("kind" in checked) return checked;
  const settings = await ctx.settings.guild(input.guildId);
  const guildLocale = guildLanguage(settings, input);
  const previous = (await ctx.transcripts.list(current.id)).at(-1);
  const place = await reopenPlace(ctx, current, {
    type: checked.type,
    locale: input.locale,
    guildLocale,
  });
  if ("reply" in place) return place.reply;
  const channel = place.channel;

  const by = input.member.user.id;
  const reopened = await ctx.atomically(async (tx) => {
    const done = await tx.tickets.reopen(current.id, channel.id);
    if (done !== null) await tx.audit.record(reopenedEvent(done, by));
    return done;
  });
  if (reopened === null) {
    // Someone else changed the ticket meanwhile: this channel is not its channel.
    if (channel.id !== current.channelId) {
      await ctx.discord.deleteChannel(channel.id, tr.t("reopen.topic", { number: current.number }))
        .catch((error) =>
          ctx.log.warn("Could not delete channel {channelId} of a reopen that lost", {
            channelId: channel.id,
            error,
          })
        );
    }
    const now = await ctx.tickets.get(current.id);
    return now?.status === "open" && now.channelId !== null
      ? ephemeral(tr.t("reopen.reopened", { number: now.number, channel: now.channelId }))
      : refuse("busy", tr.t("reopen.busy", { number: current.number }));
  }

  const guild = translator(guildLocale);
  return {
    kind: "message",
    body: { content: tr.t("reopen.reopened", { number: reopened.number, channel: channel.id }) },
    ephemeral: true,
    after: async () => {
      await postPrevious(ctx, reopened, {
        by,
        channelId: channel.id,
        previous,
        guild,
        uploadLimitBytes: job.options.uploadLimitBytes,
      });
      await announceAction(
        ctx,
        reopenedEvent(reopened, by),
        guild.t("reopen.audit", { user: by, number: reopened.number, channel: channel.id }),
      );
    },
  };
}

/** The audit record of `ticket` being reopened by `actorId`. */
export function reopenedEvent(ticket: Ticket, actorId: Ticket["openerId"]): NewAuditEvent {
  return {
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId,
    action: "ticket.reopen",
    detail: { number: ticket.number, channelId: ticket.channelId, reopens: ticket.reopenCount },
  };
}

/**
 * Posts, in the new channel, the previous transcript (the web page's link, or
 * its file), then who reopened it with the Close and Claim buttons. Best effort:
 * the ticket is open already, so a failure is logged.
 */
async function postPrevious(
  ctx: HandlerContext,
  ticket: Ticket,
  post: {
    by: Ticket["openerId"];
    channelId: ChannelId;
    previous: TranscriptInfo | undefined;
    guild: Translator;
    uploadLimitBytes: number | undefined;
  },
): Promise<void> {
  const { guild, channelId } = post;
  try {
    if (post.previous !== undefined) {
      await ctx.discord.sendMessage(
        channelId,
        await previousBody(ctx, ticket, {
          info: post.previous,
          locale: guild.locale,
          uploadLimitBytes: post.uploadLimitBytes,
        }),
      );
    }
    await ctx.discord.sendMessage(channelId, {
      content: guild.t("reopen.notice", { user: post.by }),
      allowed_mentions: { parse: [] },
      components: reopenedButtons(ticket, guild),
    });
  } catch (error) {
    ctx.log.warn("Could not post in reopened ticket {number} of guild {guildId}: {error}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
  }
}

/** The message with the previous transcript: a link button, or the HTML file. */
async function previousBody(
  ctx: HandlerContext,
  ticket: Ticket,
  previous: { info: TranscriptInfo; locale: Locale; uploadLimitBytes: number | undefined },
): Promise<MessageBody> {
  const { info } = previous;
  const tr = translator(previous.locale);
  const content = tr.t("reopen.previous", {
    when: `<t:${Math.floor(info.createdAt.getTime() / 1000)}:f>`,
    messages: info.messageCount,
  });
  if (ctx.publicUrl) {
    return {
      content,
      allowed_mentions: { parse: [] },
      components: [
        transcriptLinkRow(ctx.publicUrl, ticket, {
          label: tr.t("transcript.open_link"),
          sequence: info.sequence,
        }),
      ],
    };
  }
  const stored = await ctx.transcripts.get(ticket.id, info.sequence);
  const files = await transcriptFiles(
    stored === null ? [] : [{
      name: `ticket-${ticket.number}-transcript-${info.sequence}.html`,
      content: stored.html,
      contentType: "text/html",
    }],
    { limitBytes: previous.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT },
  );
  return {
    content: [content, ...files.notes].join("\n").slice(0, 2000),
    files: files.files,
    allowed_mentions: { parse: [] },
  };
}

/** The Close and Claim buttons of a reopened ticket, labelled in `tr`'s language. */
function reopenedButtons(ticket: Ticket, tr: Translator): NonNullable<MessageBody["components"]> {
  return [buttonRow([
    { style: 4, label: tr.t("reopen.close"), id: { action: "close", ticketId: ticket.id } },
    { style: 2, label: tr.t("reopen.claim"), id: { action: "claim", ticketId: ticket.id } },
  ])];
}
