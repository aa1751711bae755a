/**
 * Closing a ticket, as a resumable sequence of steps: fetch the history and
 * store the transcript (with copies of the attachments), post the summary and
 * the transcript files to the log channel, DM the opener, delete the channel.
 * Each finished step is recorded on the ticket, and each step is safe to run
 * again, so a close that failed or crashed resumes where it stopped. Nothing is
 * deleted before the transcript is stored. A reopened ticket's close stores its
 * next transcript (`reopenCount + 1`); the earlier ones stay.
 */
import type { HandlerContext } from "../context.ts";
import type { UserId } from "../ids.ts";
import type { CloseStep, Ticket, Transcript } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import type { LockOptions } from "../ports.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import type { AttachmentLimits } from "./close_attachments.ts";
import { CLOSE_STEPS, ourSide, runStep, StepFailure } from "./close_step.ts";
import {
  type ClosePost,
  type CloseTranscript,
  postSummary,
  sendTranscriptDm,
} from "./close_posts.ts";
import { guildLanguage } from "../language.ts";
import { askForFeedback, feedbackForDm } from "../feedback/ask_feedback.ts";
import { transcriptHeader } from "../transcript/transcript_header.ts";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locale.ts";
import { type Translator, translator } from "../../i18n/translator.ts";
import { keepNotesHistory } from "../notes/keep_notes.ts";
import { staffNotesOf } from "../notes/staff_notes_of.ts";
import { retireTicketPlace } from "./retire_place.ts";

/** How a close attempt ended. */
export type CloseOutcome =
  | { kind: "closed"; ticket: Ticket }
  | { kind: "failed"; step: CloseStep; reason: string; startOver?: true };

/** Messages arrived while the transcript was made: it is made again before the channel goes. */
class ArchiveGrew extends StepFailure {}

/** Who closes, why, and the limits of what is kept. */
export interface CloseOptions extends AttachmentLimits {
  by: UserId;
  reason: string | null;
  /** Largest file uploaded to Discord (the interaction's `attachment_size_limit`, else 8 MiB). */
  uploadLimitBytes?: number;
  /** False when the bot is known to lack Read Message History in the channel. */
  canReadHistory?: boolean;
  /** The language of whoever reads a failure's reason (default the guild's). */
  locale?: Locale;
}

/**
 * The database lock around one close run. A close of a long ticket takes minutes
 * (a page of 100 messages per request, attachment copies, uploads), so the lock
 * is renewed every 10 s while it runs; its 30 s TTL only says how soon another
 * process may resume a close whose process died. A second close waits up to 2
 * minutes (the deferred answer may take 15), then resumes from the stored step.
 */
const CLOSE_LOCK: LockOptions = { ttlMs: 30_000, waitMs: 120_000 };

/** Closes `ticket`, or resumes a close that did not finish; one close per ticket at a time. */
export async function runClose(
  ticket: Ticket,
  ctx: HandlerContext,
  options: CloseOptions,
): Promise<CloseOutcome> {
  try {
    // A member's Confirm and a reconciliation pass may both resume one ticket: one
    // close runs at a time, and the next reads the stored steps again.
    return await ctx.locks.withLock(
      `close:${ticket.id}`,
      CLOSE_LOCK,
      async () => {
        const first = await closeOnce(ticket, ctx, options);
        if (first.kind !== "failed" || first.startOver !== true) return first;
        // A message came in while the transcript was made: make it once more, with it.
        return await closeOnce(await ctx.tickets.get(ticket.id) ?? ticket, ctx, options);
      },
    );
  } catch (error) {
    if (!(error instanceof LockTimeoutError)) throw error;
    ctx.log.warn("Close of ticket {number} in guild {guildId} waited too long: {error}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    return {
      kind: "failed",
      step: ticket.closeStep ?? "requested",
      reason: translator(options.locale ?? DEFAULT_LOCALE).t("close.reason.busy"),
    };
  }
}

/**
 * Refuses to delete the channel of a ticket whose stored transcript holds fewer
 * messages than the live archive had when it was stored (an older close that
 * read an empty history, say); the close starts over at its next run.
 */
async function keptEverything(
  ticket: Ticket,
  ctx: HandlerContext,
  check: { rendered: Pick<Transcript, "messageCount"> | null; reader: Translator },
): Promise<void> {
  const { rendered, reader } = check;
  // Only the stored transcript's facts: its contents need not be read back.
  const sequence = ticket.reopenCount + 1;
  const stored = (await ctx.transcripts.list(ticket.id)).find((t) => t.sequence === sequence);
  const count = rendered?.messageCount ?? stored?.messageCount ?? 0;
  const archived = await ctx.archive.count(ticket.id, stored?.createdAt ?? ctx.clock.now());
  if (count >= archived) return;
  await ctx.tickets.recordCloseStep(ticket.id, "requested");
  throw new ArchiveGrew(
    "channel_deleted",
    reader.t("close.reason.kept_channel", { count, archived }),
    null,
  );
}

async function closeOnce(
  ticket: Ticket,
  ctx: HandlerContext,
  options: CloseOptions,
): Promise<CloseOutcome> {
  const { clock, log } = ctx;
  if (ticket.status === "closed") return { kind: "closed", ticket };

  if (ticket.status === "open") await ctx.tickets.beginClose(ticket.id, options.by, options.reason);
  // The stored row, not the caller's copy, says which steps already finished.
  const current = await ctx.tickets.get(ticket.id) ?? ticket;
  if (current.status === "closed") return { kind: "closed", ticket: current };
  const finished = CLOSE_STEPS.indexOf(current.closeStep ?? "requested");
  const pending = (name: CloseStep) => CLOSE_STEPS.indexOf(name) > finished;
  const closerId = current.closedBy ?? options.by;
  const reason = current.closeReason ?? options.reason;

  const record = async (name: CloseStep) => {
    await ctx.tickets.recordCloseStep(current.id, name);
  };
  // Just rendered, the UTF-8 bytes the posts attach as they are; else read back.
  let transcript: CloseTranscript | null = null;
  // This close's transcript: the first, or the next after each reopen.
  const sequence = current.reopenCount + 1;
  let reader = translator(options.locale ?? DEFAULT_LOCALE);

  try {
    const settings = await ctx.settings.guild(current.guildId);
    const guild = translator(guildLanguage(settings));
    reader = translator(options.locale ?? guildLanguage(settings));
    const step = (name: CloseStep, where: string) => ({ name, where, locale: reader.locale });
    const type = await ctx.types.get(current.typeId);
    const typeName = type?.name ?? guild.t("close.type_fallback");
    const locale = guildLanguage(settings);

    if (pending("transcript_stored")) {
      const rendered = await runStep(
        step("history_fetched", reader.t("close.where.channel")),
        async () => {
          await keepNotesHistory(ctx, current);
          // The renderers are loaded by the first close, not by every start.
          const { renderHistory } = await import("./render_history.ts");
          return await renderHistory(current, ctx, {
            ...options,
            header: transcriptHeader(current, { typeName, closerId, reason, locale, sequence }),
            locale,
          });
        },
      );
      await record("history_fetched");
      await runStep(
        step("transcript_stored", reader.t("close.where.database")),
        () =>
          ctx.transcripts.save({
            ticketId: current.id,
            sequence,
            html: rendered.html,
            text: rendered.text,
            messageCount: rendered.messageCount,
            byteSize: rendered.html.byteLength,
          }),
      );
      await record("transcript_stored");
      transcript = rendered;
    }

    const encoded = new Map<string, Uint8Array>();
    const post = async (): Promise<ClosePost> => {
      transcript ??= await ctx.transcripts.get(current.id, sequence);
      if (transcript === null) {
        throw new StepFailure(
          "transcript_stored",
          reader.t("close.reason.transcript_missing"),
          null,
        );
      }
      return {
        ticket: current,
        typeName,
        closerId,
        reason,
        transcript,
        uploadLimitBytes: options.uploadLimitBytes,
        locale,
        encoded,
      };
    };

    if (pending("log_posted")) {
      const logChannel = settings.logChannelId;
      if (logChannel !== null) {
        await runStep(step("log_posted", reader.t("close.where.log_channel")), async () => {
          const messageId = await postSummary(await post(), ctx, {
            logChannel,
            staffNotes: await staffNotesOf(ctx, current, guildLanguage(settings)),
          });
          await ctx.feedback.recordSummary(current.id, current.guildId, {
            channelId: logChannel,
            messageId,
          });
        });
      }
      await record("log_posted");
    }

    if (pending("dm_sent")) {
      if (settings.transcriptDm) {
        await runStep(
          step("dm_sent", reader.t("close.where.dm")),
          async () => sendTranscriptDm(await post(), ctx, await feedbackForDm(current, ctx)),
        );
      }
      await record("dm_sent");
    }

    if (pending("channel_deleted")) {
      const channelId = current.channelId;
      if (channelId !== null) {
        await keptEverything(current, ctx, { rendered: transcript, reader });
        await runStep(step("channel_deleted", reader.t("close.where.channel")), async () => {
          try {
            await retireTicketPlace(ctx, channelId, {
              threadClose: type?.threadClose ?? "archive",
              mode: type?.mode ?? null,
              reason: guild.t("close.audit_reason", { number: current.number }),
            });
          } catch (error) {
            if (!isDiscordFailure(error, "unknown_channel")) throw error;
          }
        });
      }
      await record("channel_deleted");
    }

    await ctx.tickets.finishClose(current.id, clock.now());
    await ctx.timers.stop(current.id);
  } catch (error) {
    const failure = error instanceof StepFailure
      ? error
      : new StepFailure("requested", ourSide(reader.locale), error);
    log.error("Closing ticket {number} in guild {guildId} stopped at {step}: {error}", {
      number: current.number,
      guildId: current.guildId,
      step: failure.step,
      error: failure.error,
    });
    return {
      kind: "failed",
      step: failure.step,
      reason: failure.reason,
      ...(failure instanceof ArchiveGrew ? { startOver: true as const } : {}),
    };
  }

  const closed = await ctx.tickets.get(current.id) ?? current;
  try {
    await ctx.audit.record({
      guildId: closed.guildId,
      ticketId: closed.id,
      actorId: closerId,
      action: "ticket.close",
      detail: { number: closed.number, reason, messageCount: transcript?.messageCount ?? null },
    });
  } catch (error) {
    log.error("Could not audit the close of ticket {number}: {error}", {
      number: closed.number,
      error,
    });
  }
  // Without a transcript DM, the rating is asked in a DM of its own.
  if (!(await ctx.settings.guild(closed.guildId)).transcriptDm) await askForFeedback(closed, ctx);
  return { kind: "closed", ticket: closed };
}
