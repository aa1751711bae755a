/**
 * The close's two posts: the summary with the transcript files in the log
 * channel, and the transcript by DM to the opener (a closed DM is not an error).
 * Each carries a nonce Discord enforces, so a post sent again after a crash
 * (between Discord accepting it and the step being recorded) is not doubled.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId } from "../ids.ts";
import type { MessageBody } from "../message_body.ts";
import type { Ticket, Transcript } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { summaryEmbed } from "../transcript/summary_embed.ts";
import { DISCORD_UPLOAD_LIMIT, transcriptFiles } from "../transcript/upload_files.ts";

/** What the summary says about a close. */
export interface ClosePost {
  ticket: Ticket;
  typeName: string;
  closerId: Ticket["openerId"];
  reason: string | null;
  transcript: Pick<Transcript, "html" | "text" | "messageCount">;
  /** Largest file uploaded (default Discord's default upload limit). */
  uploadLimitBytes?: number | undefined;
}

/**
 * A nonce Discord enforces: a repeat within a few minutes returns the first
 * message instead of posting a second one.
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

function baseName(ticket: Ticket): string {
  return `ticket-${ticket.number}-transcript`;
}

function summary(close: ClosePost, ctx: Pick<HandlerContext, "clock">, notes: string[]) {
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
    notes,
  });
}

/** Posts the summary and both transcript files in `logChannel`. */
export async function postSummary(
  close: ClosePost,
  ctx: Pick<HandlerContext, "discord" | "clock">,
  options: { logChannel: ChannelId },
): Promise<void> {
  const name = baseName(close.ticket);
  const files = await transcriptFiles([
    { name: `${name}.html`, content: close.transcript.html, contentType: "text/html" },
    { name: `${name}.txt`, content: close.transcript.text, contentType: "text/plain" },
  ], { limitBytes: close.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT });
  await ctx.discord.sendMessage(options.logChannel, {
    embeds: [summary(close, ctx, files.notes)],
    files: files.files,
    allowed_mentions: { parse: [] },
    ...stepNonce(close.ticket, "log"),
  });
}

/** Sends the opener the summary and the HTML transcript; a closed DM is logged, not thrown. */
export async function sendTranscriptDm(
  close: ClosePost,
  ctx: Pick<HandlerContext, "discord" | "clock" | "log">,
): Promise<void> {
  const { ticket } = close;
  const files = await transcriptFiles([
    { name: `${baseName(ticket)}.html`, content: close.transcript.html, contentType: "text/html" },
  ], { limitBytes: close.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT });
  try {
    const dm = await ctx.discord.dmChannel(ticket.openerId);
    await ctx.discord.sendMessage(dm, {
      content: `Your ticket #${ticket.number} was closed. Its transcript is attached.`,
      embeds: [summary(close, ctx, files.notes)],
      files: files.files,
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
