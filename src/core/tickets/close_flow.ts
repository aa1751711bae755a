/**
 * Closing a ticket, as a resumable sequence of steps: fetch the history and
 * store the transcript (with copies of the attachments), post the summary and
 * the transcript files to the log channel, DM the opener, delete the channel.
 * Each finished step is recorded on the ticket, and each step is safe to run
 * again, so a close that failed or crashed resumes where it stopped. Nothing is
 * deleted before the transcript is stored.
 *
 * History is rendered page by page (100 messages at a time): raw messages are
 * dropped as soon as their page is rendered, so a 10,000-message ticket never
 * holds all of them at once; only the rendered output grows.
 */
import type { HandlerContext } from "../context.ts";
import { type ChannelId, compareSnowflakes, type MessageId, type UserId } from "../ids.ts";
import type { MessageBody } from "../message_body.ts";
import type { CloseStep, StoredAttachment, Ticket, Transcript } from "../model.ts";
import { DiscordRequestError, isDiscordFailure } from "../discord_failure.ts";
import { failureReason } from "../failure_text.ts";
import { createHtmlRenderer } from "../transcript/render_html.ts";
import { createTextRenderer } from "../transcript/render_text.ts";
import { imageDataUri } from "../transcript/image_data_uri.ts";
import { readAttachments } from "../transcript/message_view.ts";
import { formatTime } from "../transcript/format_time.ts";
import { summaryEmbed } from "../transcript/summary_embed.ts";
import { transcriptLinkRow } from "../transcript/transcript_link.ts";
import { DISCORD_UPLOAD_LIMIT, transcriptFiles } from "../transcript/upload_files.ts";
import type { LockOptions } from "../ports.ts";
import type { RoleLabel, TranscriptMessage, TranscriptOptions } from "../transcript/types.ts";
import { archiveRecord } from "./archive_message.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { guildLanguage } from "../language.ts";
import { translator } from "../../i18n/translator.ts";

/** How a close attempt ended. */
export type CloseOutcome =
  | { kind: "closed"; ticket: Ticket }
  | { kind: "failed"; step: CloseStep; reason: string };

/** Who closes, why, and the limits of what is kept. */
export interface CloseOptions {
  by: UserId;
  reason: string | null;
  /** Largest attachment copied into the database (default 8 MB). */
  maxAttachmentBytes?: number;
  /** Most attachment bytes copied per ticket (default 50 MB). */
  maxTicketAttachmentBytes?: number;
  /** Most image bytes shown inline in the HTML transcript (default 4 MB); others are linked. */
  maxInlineImageBytes?: number;
  /** Largest file uploaded to Discord (default 8 MiB, Discord's default limit). */
  uploadLimitBytes?: number;
}

const STEPS: readonly CloseStep[] = [
  "requested",
  "history_fetched",
  "transcript_stored",
  "log_posted",
  "dm_sent",
  "channel_deleted",
];
const PAGE_SIZE = 100;
const AVATAR_CDN = "https://cdn.discordapp.com/avatars";
const MAX_AVATARS = 50;
const MAX_AVATAR_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/** A step failed: `reason` is what the member reads. */
class StepFailure extends Error {
  constructor(readonly step: CloseStep, readonly reason: string, readonly error: unknown) {
    super(reason);
  }
}

function discordReason(error: unknown, where: string): string | null {
  return error instanceof DiscordRequestError ? failureReason(error.failure, where) : null;
}

async function step<T>(
  name: CloseStep,
  where: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    throw new StepFailure(
      name,
      discordReason(error, where) ?? "something went wrong on our side (see the bot's log)",
      error,
    );
  }
}

function parsePayload(payload: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? value as Record<string, unknown>
      : null;
  } catch {
    return null;
  }
}

/** What the history pass produced. */
interface Rendered {
  html: string;
  text: string;
  messageCount: number;
}

/** Fetches, archives and renders the whole history; stores attachment copies on the way. */
async function renderHistory(
  ticket: Ticket,
  ctx: HandlerContext,
  options: CloseOptions,
  header: TranscriptOptions["info"],
): Promise<Rendered> {
  const { discord, log } = ctx;
  const maxFile = options.maxAttachmentBytes ?? 8 * MB;
  const maxTicket = options.maxTicketAttachmentBytes ?? 50 * MB;
  let inlineBudget = options.maxInlineImageBytes ?? 4 * MB;

  // Messages deleted while the ticket was open exist only in the live archive.
  const archived = await ctx.archive.messages(ticket.id);
  const deleted: TranscriptMessage[] = archived
    .filter((m) => m.deletedAt !== null)
    .flatMap((m) => {
      const raw = parsePayload(m.payload);
      return raw === null ? [] : [{ raw: { ...raw, id: m.messageId }, deletedAt: m.deletedAt }];
    })
    .sort((a, b) => compareSnowflakes(String(a.raw.id), String(b.raw.id)));
  archived.length = 0;

  // Names for role and channel mentions: best effort, raw ids otherwise.
  const roles = new Map<string, RoleLabel>();
  const channels = new Map<string, string>();
  try {
    for (const role of await discord.roles(ticket.guildId)) {
      roles.set(role.id, { name: role.name, color: role.color ?? 0, position: role.position });
    }
    for (const channel of await discord.guildChannels(ticket.guildId)) {
      channels.set(channel.id, channel.name);
    }
  } catch (error) {
    log.warn("Transcript of ticket {number}: could not load role and channel names: {error}", {
      number: ticket.number,
      error,
    });
  }

  const stored = new Map<string, StoredAttachment>();
  for (const attachment of await ctx.transcripts.attachments(ticket.id)) {
    stored.set(attachment.attachmentId, attachment);
  }
  let storedBytes = 0;
  for (const attachment of stored.values()) storedBytes += attachment.size;
  const storedIds = new Set(stored.keys());
  const images = new Map<string, string>();

  const inline = (attachment: { id: string; data: Uint8Array }) => {
    if (attachment.data.byteLength > inlineBudget) return;
    const uri = imageDataUri(attachment.data);
    if (uri === null) return;
    images.set(attachment.id, uri);
    inlineBudget -= attachment.data.byteLength;
  };

  const keepAttachments = async (messageId: string, raw: Record<string, unknown>) => {
    // An attachment without a URL cannot be copied.
    for (const a of readAttachments(raw).filter((a) => a.url !== "")) {
      const copy = stored.get(a.id);
      if (copy !== undefined) {
        inline({ id: a.id, data: copy.data });
        stored.delete(a.id);
        continue;
      }
      if (storedIds.has(a.id)) continue;
      const room = Math.min(maxFile, maxTicket - storedBytes);
      if (a.size > room || room <= 0) continue;
      let data: Uint8Array | null;
      try {
        data = await discord.download(a.url, room);
      } catch (error) {
        log.warn("Transcript of ticket {number}: attachment {id} not kept: {error}", {
          number: ticket.number,
          id: a.id,
          error,
        });
        continue;
      }
      if (data === null) continue;
      await ctx.transcripts.saveAttachment({
        ticketId: ticket.id,
        messageId: messageId as MessageId,
        attachmentId: a.id,
        filename: a.filename,
        contentType: a.contentType,
        size: data.byteLength,
        data,
      });
      storedIds.add(a.id);
      storedBytes += data.byteLength;
      inline({ id: a.id, data });
    }
  };

  // Avatars: a small copy per author, embedded; a failed download leaves the initial letter.
  const avatars = new Map<string, string>();
  const avatarTried = new Set<string>();
  const keepAvatar = async (raw: Record<string, unknown>) => {
    const author = raw.author as Record<string, unknown> | undefined;
    const id = author?.id;
    const hash = author?.avatar;
    if (typeof id !== "string" || avatarTried.has(id) || avatarTried.size >= MAX_AVATARS) return;
    avatarTried.add(id);
    if (typeof hash !== "string" || !/^(a_)?[0-9a-f]{32}$/.test(hash)) return;
    try {
      const data = await discord.download(
        `${AVATAR_CDN}/${id}/${hash}.png?size=64`,
        MAX_AVATAR_BYTES,
      );
      const uri = data === null ? null : imageDataUri(data);
      if (uri !== null) avatars.set(id, uri);
    } catch (error) {
      log.debug("Transcript of ticket {number}: no avatar for {id}: {error}", {
        number: ticket.number,
        id,
        error,
      });
    }
  };

  const renderOptions: TranscriptOptions = {
    info: header,
    names: { roles, channels },
    avatars,
    images,
    storedAttachments: storedIds,
  };
  const html = createHtmlRenderer(renderOptions);
  const text = createTextRenderer(renderOptions);
  // The headers are written last and put first, so they name the users met on the way.
  const htmlParts: string[] = [""];
  const textParts: string[] = [""];
  const emit = (entries: TranscriptMessage[]) => {
    if (entries.length === 0) return;
    htmlParts.push(html.render(entries));
    textParts.push(text.render(entries));
  };
  /** Deleted messages older than `id` (all of them when `id` is null), in order. */
  const takeDeleted = (id: string | null): TranscriptMessage[] => {
    let n = 0;
    while (
      n < deleted.length && (id === null || compareSnowflakes(String(deleted[n]!.raw.id), id) < 0)
    ) {
      n++;
    }
    return deleted.splice(0, n);
  };

  let after: MessageId | null = null;
  let channelGone = ticket.channelId === null;
  while (!channelGone && ticket.channelId !== null) {
    let page;
    try {
      page = await discord.messagesAfter(ticket.channelId, after, PAGE_SIZE);
    } catch (error) {
      if (!isDiscordFailure(error, "unknown_channel")) throw error;
      channelGone = true;
      break;
    }
    if (page.length === 0) break;
    const entries: TranscriptMessage[] = [];
    for (const message of page) {
      await keepAvatar(message.raw);
      await keepAttachments(message.id, message.raw);
      entries.push(...takeDeleted(message.id), { raw: message.raw, deletedAt: null });
      // The live archive keeps what the gateway missed (e.g. while the bot was down).
      await ctx.archive.add(archiveRecord(ticket.id, message.raw, new Date(0)));
    }
    emit(entries);
    after = page[page.length - 1]!.id;
    if (page.length < PAGE_SIZE) break;
  }

  if (channelGone) {
    // The channel is gone: what the live archive kept is all there is.
    log.warn("Ticket {number}'s channel is gone; its transcript comes from the live archive", {
      number: ticket.number,
    });
    for (const m of await ctx.archive.messages(ticket.id)) {
      if (after !== null && compareSnowflakes(m.messageId, after) <= 0) continue;
      if (m.deletedAt !== null) continue;
      const raw = parsePayload(m.payload);
      if (raw === null) continue;
      await keepAttachments(m.messageId, raw);
      emit([...takeDeleted(m.messageId), { raw: { ...raw, id: m.messageId }, deletedAt: null }]);
    }
  }
  emit(takeDeleted(null));
  htmlParts.push(html.end());
  textParts.push(text.end());
  [htmlParts[0], textParts[0]] = [html.begin(), text.begin()];
  return { html: htmlParts.join(""), text: textParts.join(""), messageCount: html.count };
}

/**
 * A post that may be sent again after a crash (between Discord accepting it and the
 * step being recorded) carries a nonce Discord enforces: a repeat within a few
 * minutes returns the first message instead of posting a second one.
 */
function stepNonce(
  ticket: Ticket,
  post: "log" | "dm",
): Pick<MessageBody, "nonce" | "enforce_nonce"> {
  // Discord allows 25 characters: "tc" + post + ticket id + guild id digits.
  return {
    nonce: `tc${post}${ticket.id}-${ticket.guildId}`.slice(0, 25),
    enforce_nonce: true,
  };
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
      () => closeOnce(ticket, ctx, options),
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
      reason: "another close of this ticket is still running; wait a few minutes",
    };
  }
}

async function closeOnce(
  ticket: Ticket,
  ctx: HandlerContext,
  options: CloseOptions,
): Promise<CloseOutcome> {
  const { discord, clock, log } = ctx;
  if (ticket.status === "closed") return { kind: "closed", ticket };

  if (ticket.status === "open") await ctx.tickets.beginClose(ticket.id, options.by, options.reason);
  // The stored row, not the caller's copy, says which steps already finished.
  const current = await ctx.tickets.get(ticket.id) ?? ticket;
  if (current.status === "closed") return { kind: "closed", ticket: current };
  const finished = STEPS.indexOf(current.closeStep ?? "requested");
  const pending = (name: CloseStep) => STEPS.indexOf(name) > finished;
  const closerId = current.closedBy ?? options.by;
  const reason = current.closeReason ?? options.reason;

  const record = async (name: CloseStep) => {
    await ctx.tickets.recordCloseStep(current.id, name);
  };
  let transcript: Pick<Transcript, "html" | "text" | "messageCount"> | null = null;

  try {
    const type = await ctx.types.get(current.typeId);
    const typeName = type?.name ?? "Ticket";

    if (pending("transcript_stored")) {
      const rendered = await step(
        "history_fetched",
        "this ticket's channel",
        () =>
          renderHistory(current, ctx, options, {
            title: `Ticket #${current.number} · ${typeName}`,
            details: [
              ["Opened", formatTime(current.createdAt)],
              ["Opener", { userId: current.openerId }],
              ["Claimed by", current.claimedBy === null ? "nobody" : { userId: current.claimedBy }],
              ["Closed by", { userId: closerId }],
              ["Reason", reason ?? "No reason given"],
              ["Topic", current.topic ?? "none"],
              ...current.answers.map((a) => [a.question, a.answer] as const),
            ],
          }),
      );
      await record("history_fetched");
      await step("transcript_stored", "the database", () =>
        ctx.transcripts.save({
          ticketId: current.id,
          html: rendered.html,
          text: rendered.text,
          messageCount: rendered.messageCount,
          byteSize: new TextEncoder().encode(rendered.html).byteLength,
        }));
      await record("transcript_stored");
      transcript = rendered;
    }

    const loadTranscript = async () => {
      transcript ??= await ctx.transcripts.get(current.id);
      if (transcript === null) {
        throw new StepFailure("transcript_stored", "the stored transcript is missing", null);
      }
      return transcript;
    };
    const summary = async (notes: string[]) =>
      summaryEmbed({
        number: current.number,
        typeName,
        openerId: current.openerId,
        claimerId: current.claimedBy,
        closerId,
        reason,
        openedAt: current.createdAt,
        closedAt: clock.now(),
        messageCount: (await loadTranscript()).messageCount,
        notes,
      });
    const settings = await ctx.settings.guild(current.guildId);
    const baseName = `ticket-${current.number}-transcript`;
    // With the web pages on, a link button replaces the files.
    const link = ctx.publicUrl
      ? transcriptLinkRow(ctx.publicUrl, current, {
        label: translator(guildLanguage(settings)).t("transcript.open_link"),
      })
      : null;
    const attach = link === null ? transcriptFiles : () => ({ files: [], notes: [] });

    if (pending("log_posted")) {
      const logChannel = settings.logChannelId;
      if (logChannel !== null) {
        await step("log_posted", "the log channel", async () => {
          const stored = await loadTranscript();
          const files = await attach([
            { name: `${baseName}.html`, content: stored.html, contentType: "text/html" },
            { name: `${baseName}.txt`, content: stored.text, contentType: "text/plain" },
          ], { limitBytes: options.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT });
          const body: MessageBody = {
            embeds: [await summary(files.notes)],
            files: files.files,
            ...(link === null ? {} : { components: [link] }),
            allowed_mentions: { parse: [] },
            ...stepNonce(current, "log"),
          };
          await discord.sendMessage(logChannel, body);
        });
      }
      await record("log_posted");
    }

    if (pending("dm_sent")) {
      if (settings.transcriptDm) {
        await step("dm_sent", "the opener's direct messages", async () => {
          const stored = await loadTranscript();
          const files = await attach([
            { name: `${baseName}.html`, content: stored.html, contentType: "text/html" },
          ], { limitBytes: options.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT });
          try {
            const dm: ChannelId = await discord.dmChannel(current.openerId);
            await discord.sendMessage(dm, {
              content: `Your ticket #${current.number} was closed. Its transcript is ${
                link === null ? "attached" : "linked below"
              }.`,
              embeds: [await summary(files.notes)],
              files: files.files,
              ...(link === null ? {} : { components: [link] }),
              allowed_mentions: { parse: [] },
              ...stepNonce(current, "dm"),
            });
          } catch (error) {
            if (!isDiscordFailure(error, "cannot_dm")) throw error;
            log.info("Ticket {number}: the opener does not accept DMs; transcript not sent", {
              number: current.number,
            });
          }
        });
      }
      await record("dm_sent");
    }

    if (pending("channel_deleted")) {
      const channelId = current.channelId;
      if (channelId !== null) {
        await step("channel_deleted", "this ticket's channel", async () => {
          try {
            await discord.deleteChannel(channelId, `Ticket #${current.number} closed`);
          } catch (error) {
            if (!isDiscordFailure(error, "unknown_channel")) throw error;
          }
        });
      }
      await record("channel_deleted");
    }

    await ctx.tickets.finishClose(current.id, clock.now());
  } catch (error) {
    const failure = error instanceof StepFailure
      ? error
      : new StepFailure("requested", "something went wrong on our side (see the bot's log)", error);
    log.error("Closing ticket {number} in guild {guildId} stopped at {step}: {error}", {
      number: current.number,
      guildId: current.guildId,
      step: failure.step,
      error: failure.error,
    });
    return { kind: "failed", step: failure.step, reason: failure.reason };
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
  return { kind: "closed", ticket: closed };
}
