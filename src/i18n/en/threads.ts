/** English: thread-mode tickets and staff notes. */
export const threads = {
  "thread.parent_missing":
    "This ticket type opens private threads, but its parent channel is not set or is gone. Please ask an admin to run `/type set setting:parent_channel`.",
  "thread.missing_permissions":
    "I cannot open your ticket as a private thread in <#{parent}>: I lack {list} there. Please ask an admin to give my role {count, plural, one {that permission} other {those permissions}} in that channel.",
  "notes.missing_permissions":
    "I cannot open a private staff thread in this ticket: I lack {list} here. Please ask an admin to give my role {count, plural, one {that permission} other {those permissions}}.",
  "notes.not_staff": "Only staff of this ticket type can use its notes.",
  "notes.opened":
    "Staff notes of ticket #{number}: <#{thread}>. Only staff see it; the person who opened the ticket never does.",
  "notes.linked": "The staff notes of ticket #{number} are in <#{thread}>.",
  "notes.thread_name": "Staff notes #{number}",
  "notes.thread_welcome":
    "Staff notes of ticket #{number}. What is written here stays with the staff transcript and is never shown to the person who opened the ticket.",
  "notes.added": "Note kept on ticket #{number}. Only staff can read it.",
  "notes.none": "Ticket #{number} has no notes yet. Add one with `/ticket notes text:\u2026`.",
  "notes.title": "Staff notes of ticket #{number}",
  "notes.more":
    "\u2026and {count, plural, one {# older note} other {# older notes}} in the staff transcript.",
  "notes.transcript_title": "Staff notes · ticket #{number}",
} as const;
