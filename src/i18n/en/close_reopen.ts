/** English: the close's transcript header and the reasons a close stops, and reopening a ticket. */
export const closeReopen = {
  "transcript.header.title":
    "Ticket #{number} · {type}{sequence, plural, =1 {} other { · transcript #}}",
  "close.type_fallback": "Ticket",
  "close.where.channel": "this ticket\u2019s channel",
  "close.where.database": "the database",
  "close.where.log_channel": "the log channel",
  "close.where.dm": "the opener\u2019s direct messages",
  "close.reason.our_side": "something went wrong on our side (see the bot\u2019s log)",
  "close.reason.busy": "another close of this ticket is still running; wait a few minutes",
  "close.reason.kept_channel":
    "the transcript holds {count} messages but {archived} were recorded, so the channel was kept; close again to make a new transcript",
  "close.reason.transcript_missing": "the stored transcript is missing",
  "close.audit_reason": "Ticket #{number} closed",
  "reopen.button": "Reopen",
  "reopen.not_found":
    "This server has no ticket #{number}. Check the number on the ticket\u2019s summary in the log channel.",
  "reopen.not_staff":
    "Only staff of this ticket\u2019s type, or members with Manage Server, can reopen it.",
  "reopen.still_open": "Ticket #{number} is still open, so there is nothing to reopen.",
  "reopen.closing":
    "Ticket #{number} is still being closed. Run `/ticket close` in its channel to finish closing it, then reopen it.",
  "reopen.expired":
    "Ticket #{number} cannot be reopened: its data was deleted when its type\u2019s retention ran out.",
  "reopen.no_transcript":
    "Ticket #{number} cannot be reopened: its transcript is no longer stored.",
  "reopen.busy": "Ticket #{number} is being reopened right now. Try again in a moment.",
  "reopen.reopened": "Ticket #{number} is open again: <#{channel}>",
  "reopen.previous":
    "Transcript of this ticket until it was closed {when} ({messages, plural, one {# message} other {# messages}}):",
  "reopen.notice": "<@{user}> reopened this ticket.",
  "reopen.audit": "<@{user}> reopened ticket #{number} in <#{channel}>",
  "reopen.topic": "Ticket #{number}, reopened",
  "reopen.type_deleted":
    "Ticket #{number} cannot be reopened: its type was deleted. Open a new ticket instead.",
  "reopen.close": "Close",
  "reopen.claim": "Claim",
} as const;
