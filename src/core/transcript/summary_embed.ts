/**
 * The summary posted with a transcript: who opened, claimed and closed the
 * ticket, why, when, for how long, and how many messages it held.
 */
import type { Embed } from "../message_body.ts";

/** The facts the summary shows. */
export interface CloseSummary {
  number: number;
  typeName: string;
  openerId: string;
  claimerId: string | null;
  closerId: string;
  reason: string | null;
  openedAt: Date;
  closedAt: Date;
  messageCount: number;
  /** Lines about the attached files (compressed, omitted, attachments not kept). */
  notes: string[];
}

/** Discord's limit for an embed field value. */
const FIELD_MAX = 1024;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A duration as people read it: `3 d 4 h`, `2 h 5 min`, `12 min`, `40 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}

function stamp(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:f>`;
}

/** The summary embed of a closed ticket (mentions in it must be sent with no pings). */
export function summaryEmbed(summary: CloseSummary): Embed {
  const fields = [
    { name: "Ticket", value: `#${summary.number}`, inline: true },
    { name: "Type", value: clip(summary.typeName, FIELD_MAX), inline: true },
    { name: "Messages", value: String(summary.messageCount), inline: true },
    { name: "Opened by", value: `<@${summary.openerId}>`, inline: true },
    {
      name: "Claimed by",
      value: summary.claimerId === null ? "nobody" : `<@${summary.claimerId}>`,
      inline: true,
    },
    { name: "Closed by", value: `<@${summary.closerId}>`, inline: true },
    { name: "Opened", value: stamp(summary.openedAt), inline: true },
    { name: "Closed", value: stamp(summary.closedAt), inline: true },
    {
      name: "Duration",
      value: formatDuration(summary.closedAt.getTime() - summary.openedAt.getTime()),
      inline: true,
    },
    { name: "Reason", value: clip(summary.reason?.trim() || "No reason given", FIELD_MAX) },
  ];
  if (summary.notes.length > 0) {
    fields.push({ name: "Files", value: clip(summary.notes.join("\n"), FIELD_MAX) });
  }
  return {
    title: `Ticket #${summary.number} closed`,
    color: 0xed4245,
    timestamp: summary.closedAt.toISOString(),
    fields,
  };
}
