/**
 * The close's two posts: the summary with the transcript files in the log
 * channel, and the transcript by DM to the opener (a closed DM is not an error).
 * Each carries a nonce Discord enforces, so a post sent again after a crash
 * (between Discord accepting it and the step being recorded) is not doubled.
 * With the web pages on (`ctx.publicUrl`), both link the transcript page instead of
 * attaching files. The summary speaks the guild's language, the DM the opener's;
 * the summary also carries a Reopen button for staff. After a reopen, the posts
 * of the next close name its own transcript and nonce.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId, MessageId } from "../ids.ts";
import type { ActionRow, Button, LinkButton, MessageBody } from "../message_body.ts";
import type { Ticket, Transcript } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { summaryEmbed } from "../transcript/summary_embed.ts";
import { DISCORD_UPLOAD_LIMIT, transcriptFiles } from "../transcript/upload_files.ts";
import { transcriptLinkButton } from "../transcript/transcript_link.ts";
import { encodeCustomId } from "../custom_id.ts";
import type { RenderedNotes } from "../transcript/staff_notes.ts";
import type { Locale } from "../../i18n/locale.ts";
import { recipientLanguage } from "../language.ts";
import { translator } from "../../i18n/translator.ts";

/** The transcript a close posts: as stored (strings) or just rendered (UTF-8 bytes). */
export interface CloseTranscript extends Pick<Transcript, "messageCount"> {
  html: string | Uint8Array;
  text: string | Uint8Array;
}

/** What the summary says about a close. */
export interface ClosePost {
  ticket: Ticket;
  typeName: string;
  closerId: Ticket["openerId"];
  reason: string | null;
  transcript: CloseTranscript;
  /** Largest file uploaded (default Discord's default upload limit). */
  uploadLimitBytes?: number | undefined;
  /** The guild's language, for the summary. */
  locale: Locale;
  /** Files encoded for one post of this close, reused by the next (by file name). */
  encoded?: Map<string, Uint8Array>;
}

type Files = Parameters<typeof transcriptFiles>[0];

/** The files to attach, or none and a link button when the web pages are on. */
async function attachments(
  close: ClosePost,
  ctx: Pick<HandlerContext, "publicUrl">,
  files: Files,
  locale: Locale,
): Promise<
  { files: NonNullable<MessageBody["files"]>; notes: string[]; link?: LinkButton }
> {
  if (ctx.publicUrl) {
    const label = translator(locale).t("transcript.open_link");
    // The first close's link stays the bare page; later ones name their own transcript.
    const sequence = close.ticket.reopenCount + 1;
    return {
      files: [],
      notes: [],
      link: transcriptLinkButton(ctx.publicUrl, close.ticket, {
        label,
        ...(sequence === 1 ? {} : { sequence }),
      }),
    };
  }
  return await transcriptFiles(files, {
    limitBytes: close.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT,
    ...(close.encoded === undefined ? {} : { encoded: close.encoded }),
  });
}

/** One action row of `buttons`, or no components at all. */
function componentsOf(
  buttons: ReadonlyArray<Button | LinkButton | undefined>,
): Pick<MessageBody, "components"> {
  const present = buttons.filter((b): b is Button | LinkButton => b !== undefined);
  return present.length === 0 ? {} : { components: [{ type: 1, components: present }] };
}

/**
 * A nonce Discord enforces: a repeat within a few minutes returns the first
 * message instead of posting a second one.
 */
function stepNonce(
  ticket: Ticket,
  post: "log" | "dm",
): Pick<MessageBody, "nonce" | "enforce_nonce"> {
  // Discord allows 25 characters: "tc" + post + ticket id (+ "r" and the reopens) +
  // guild id digits; each close after a reopen posts anew.
  const close = ticket.reopenCount === 0 ? "" : `r${ticket.reopenCount}`;
  return {
    nonce: `tc${post}${ticket.id}${close}-${ticket.guildId}`.slice(0, 25),
    enforce_nonce: true,
  };
}

function baseName(ticket: Ticket): string {
  return `ticket-${ticket.number}-transcript`;
}

function summary(
  close: ClosePost,
  ctx: Pick<HandlerContext, "clock">,
  notes: string[],
  locale: Locale,
) {
  return summaryEmbed({
    number: close.ticket.number,
    typeName: close.typeName,
    openerId: close.ticket.openerId,
    claimerId: close.ticket.claimedBy,
    closerId: close.closerId,
    reason: close.reason,
    openedAt: close.ticket.createdAt,
    closedAt: ctx.clock.now(),
    messageCount: close.transcript.messageCount,
    priority: close.ticket.priority,
    notes,
  }, { locale });
}

/**
 * Posts the summary and both transcript files in `logChannel`, and gives the
 * summary's id; the staff notes, when there are some, go with them as their own
 * files (the log channel is staff's).
 */
export async function postSummary(
  close: ClosePost,
  ctx: Pick<HandlerContext, "discord" | "clock" | "publicUrl">,
  options: { logChannel: ChannelId; staffNotes?: RenderedNotes | null },
): Promise<MessageId> {
  const name = baseName(close.ticket);
  const notes = options.staffNotes ?? null;
  const files = await attachments(close, ctx, [
    { name: `${name}.html`, content: close.transcript.html, contentType: "text/html" },
    { name: `${name}.txt`, content: close.transcript.text, contentType: "text/plain" },
    ...(notes === null ? [] : [
      {
        name: `ticket-${close.ticket.number}-staff-notes.html`,
        content: notes.html,
        contentType: "text/html",
      },
      {
        name: `ticket-${close.ticket.number}-staff-notes.txt`,
        content: notes.text,
        contentType: "text/plain",
      },
    ]),
  ], close.locale);
  const reopen: Button = {
    type: 2,
    style: 2,
    label: translator(close.locale).t("reopen.button"),
    custom_id: encodeCustomId({ action: "reopen", ticketId: close.ticket.id }),
  };
  return await ctx.discord.sendMessage(options.logChannel, {
    embeds: [summary(close, ctx, files.notes, close.locale)],
    files: files.files,
    ...componentsOf([files.link, reopen]),
    allowed_mentions: { parse: [] },
    ...stepNonce(close.ticket, "log"),
  });
}

/**
 * Sends the opener the summary and the HTML transcript, with the rating buttons
 * when `feedback` is given; a closed DM is logged, not thrown.
 */
export async function sendTranscriptDm(
  close: ClosePost,
  ctx: Pick<HandlerContext, "discord" | "clock" | "log" | "publicUrl" | "settings">,
  feedback: { row: ActionRow<Button>; typeName: string } | null = null,
): Promise<void> {
  const { ticket } = close;
  const locale = await recipientLanguage(ctx, ticket.openerId, close.locale);
  const files = await attachments(close, ctx, [
    { name: `${baseName(ticket)}.html`, content: close.transcript.html, contentType: "text/html" },
  ], locale);
  const components = [
    ...(componentsOf([files.link]).components ?? []),
    ...(feedback === null ? [] : [feedback.row]),
  ];
  try {
    const dm = await ctx.discord.dmChannel(ticket.openerId);
    await ctx.discord.sendMessage(dm, {
      content: [
        translator(locale).t("close.dm", {
          number: ticket.number,
          how: files.link === undefined ? "attached" : "linked",
        }),
        ...(feedback === null ? [] : [
          translator(locale).t("feedback.ask", { number: ticket.number, type: feedback.typeName }),
        ]),
      ].join("\n"),
      embeds: [summary(close, ctx, files.notes, locale)],
      files: files.files,
      ...(components.length === 0 ? {} : { components }),
      allowed_mentions: { parse: [] },
      ...stepNonce(ticket, "dm"),
    });
  } catch (error) {
    if (!isDiscordFailure(error, "cannot_dm")) throw error;
    ctx.log.info("Ticket {number}: the opener does not accept DMs; transcript not sent", {
      number: ticket.number,
    });
  }
}
