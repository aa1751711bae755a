/** English: what a member reads when Discord refused a request, and the clauses that name why. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {I lack a permission I need to create your ticket channel} other {I lack a permission I need here}} (Manage Channels / Manage Roles / View Channel). Ask an admin to run `ticketeer check` or fix my role.",
  "failure.unknown_channel": "That channel no longer exists.",
  "failure.unknown_member": "That user is not a member of this server.",
  "failure.unknown_role": "That role no longer exists.",
  "failure.unknown_message": "That message no longer exists.",
  "failure.guild_channel_limit":
    "This server has reached Discord\u2019s limit of 500 channels. Ask an admin to delete some.",
  "failure.category_full":
    "That category already holds Discord\u2019s maximum of 50 channels. Ask an admin to choose another one.",
  "failure.cannot_dm": "That member does not accept direct messages from me.",
  "failure.rate_limited":
    "Discord asked me to slow down. Please try again in {seconds, plural, one {# second} other {# seconds}}.",
  "failure.unavailable": "Discord is not answering right now. Please try again in a minute.",
  "reason.missing_permissions":
    "the bot lacks a permission it needs in {where}; give it View Channel, Send Messages, Attach Files and Manage Channels there",
  "reason.missing_access": "the bot cannot see {where}; give it View Channel there",
  "reason.log_channel_gone":
    "the log channel no longer exists; choose another one with `/config set`",
  "reason.gone": "{where} no longer exists",
  "reason.refused": "Discord refused a request for {where} ({kind})",
  "reason.cannot_dm": "the opener does not accept direct messages",
  "reason.rate_limited": "Discord is rate limiting the bot; wait a minute",
  "reason.unavailable": "Discord is not answering right now; try again in a few minutes",
  "apology":
    "Something went wrong on our side. Please try again; if it keeps happening, give staff this error id: {errorId}.",
  "unknown_component":
    "This button or command is no longer in use. If it came from an old message, use `/ticket new` or a current panel.",
} as const;
