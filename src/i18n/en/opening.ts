/** English: opening a ticket (every path), its form, the welcome message and its log entry. */
export const opening = {
  "open.not_configured":
    "Tickets are not set up on this server yet. Please ask an admin to run `/setup`.",
  "open.limit":
    "{whose, select, self {You already have} other {<@{user}> already has}} {limit, plural, one {an open ticket} other {# open tickets}} of this kind, the most allowed here.",
  "open.limit_continue": "Continue in {links}.",
  "open.limit_creating": "Its channel is being created right now; the link follows in a moment.",
  "open.opened": "Your ticket is open: <#{channel}>",
  "open.opened_for": "The ticket for <@{user}> is open: <#{channel}>",
  "open.panel_gone":
    "This panel no longer works. Please ask an admin to post a new one with `/panel`.",
  "open.blocked_role":
    "{whose, select, self {Members with} other {<@{user}> has}} the role <@&{role}>{whose, select, self {} other {, and members with it}} cannot open this kind of ticket. Ask staff if you think this is a mistake.",
  "open.missing_role":
    "This kind of ticket is only for members with {roles}{whose, select, self {} other {, and <@{user}> has none of them}}. Ask staff if you think this is a mistake.",
  "open.outside_hours": "Staff are away right now. This kind of ticket can be opened again {at}.",
  "open.outside_hours_warn": "Staff are away right now; they are back {at} and answer then.",
  "open.form_title": "Open a ticket",
  "open.choose": "Choose an answer",
  "open.answer_missing": "Please answer \u201C{question}\u201D and send the form again.",
  "open.choice_unknown":
    "\u201C{question}\u201D has changed since the form was shown. Please open the form again.",
  "open.log": "Ticket #{number} opened by <@{opener}> in <#{channel}>",
  "open.log_for": "Ticket #{number} opened for <@{opener}> by <@{actor}> in <#{channel}>",
  "open.for_not_staff":
    "Only staff can open a ticket for someone else. To open your own, use `/ticket new`.",
  "open.for_bot": "Bots cannot have tickets. Choose a member of this server.",
  "open.for_not_member":
    "That user is not a member of this server, so no ticket can be opened for them.",
  "welcome.default_text":
    "Thanks for reaching out. Describe what you need and a member of staff will be with you soon.",
  "welcome.assistant":
    "An assistant may answer here first; staff take over when they claim the ticket.",
  "welcome.opened_for": "<@{actor}> opened this ticket for you.",
  "welcome.about": "About this message from <@{author}>:",
  "welcome.jump": "Go to the message: {url}",
  "welcome.title": "Ticket #{number}",
  "welcome.close": "Close",
  "welcome.claim": "Claim",
} as const;
