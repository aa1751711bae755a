/** English: notices the assistant relay posts in tickets, and the close summary's labels. */
export const notices = {
  "relay.unavailable": "The assistant is unavailable right now; staff will answer you here.",
  "relay.handoff":
    "{roles} the member asked for a person: the assistant is paused in this ticket (`/ticket assistant on` resumes it).",
  "summary.title": "Ticket #{number} closed",
  "summary.ticket": "Ticket",
  "summary.type": "Type",
  "summary.messages": "Messages",
  "summary.opened_by": "Opened by",
  "summary.claimed_by": "Claimed by",
  "summary.nobody": "nobody",
  "summary.closed_by": "Closed by",
  "summary.opened": "Opened",
  "summary.closed": "Closed",
  "summary.duration": "Duration",
  "summary.reason": "Reason",
  "summary.no_reason": "No reason given",
  "summary.files": "Files",
  "transcript.open_link": "Open transcript",
  "transcript.someone": "Someone",
  "transcript.unknown_user": "Unknown user",
  "transcript.unknown_time": "unknown time",
  "close.dm":
    "Your ticket #{number} was closed. Its transcript is {how, select, linked {linked below} other {attached}}.",
} as const;
