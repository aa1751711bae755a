/** English: ticket types, their limits, `/type ...` and `/panel ...`. */
export const types = {
  "types.cap_reached":
    "This kind of ticket is full: {cap, plural, one {# ticket is} other {# tickets are}} open, the most allowed. Try again once one is closed.",
  "types.cooling_down": "You opened one of these recently. You can open another {at}.",
  "types.not_admin": "Only members with Manage Server can change ticket types.",
  "types.unknown":
    "There is no such ticket type here. Pick one from the list, or see `/type list`.",
  "types.unknown_setting": "Pick a setting from the list.",
  "types.invalid": "That does not fit the rules of a ticket type: {problems}",
  "types.expected": "The value for {setting} should be {form}.",
  "types.name_taken": "A ticket type named \u201C{name}\u201D exists already. Choose another name.",
  "types.too_many": "This server has the most ticket types allowed ({max}). Delete one first.",
  "types.is_default":
    "\u201C{name}\u201D is the default type and cannot be deleted. Change it with `/type set` instead.",
  "types.has_tickets":
    "\u201C{name}\u201D still has {count, plural, one {# open ticket} other {# open tickets}}. Close {count, plural, one {it} other {them}} first, then delete the type.",
  "types.created": "Ticket type \u201C{name}\u201D added. Change its settings with `/type set`.",
  "types.created_audit": "<@{user}> added the ticket type \u201C{name}\u201D",
  "types.deleted": "Ticket type \u201C{name}\u201D deleted.",
  "types.deleted_audit": "<@{user}> deleted the ticket type \u201C{name}\u201D",
  "types.set": "{setting} of \u201C{name}\u201D changed.",
  "types.set_audit": "<@{user}> changed {setting} of the ticket type \u201C{name}\u201D",
  "types.list_title": "Ticket types",
  "types.list_line":
    "**{name}**{marker}: staff {staff}, up to {limit} open per member, {questions, plural, =0 {no questions} one {# question} other {# questions}}",
  "types.default_marker": " (default)",
  "types.form.name": "a name of 1\u2013100 characters",
  "types.form.emoji": "an emoji, or none",
  "types.form.description": "one line of text, or none",
  "types.form.category": "a category (its id), or none",
  "types.form.mode": "channel or thread",
  "types.form.parent_channel": "a channel (#mention or id), or none",
  "types.form.staff_roles": "roles (@mentions or ids), or none",
  "types.form.naming_scheme":
    "a channel name scheme with the tokens number, username or user_id in curly braces",
  "types.form.welcome_text": "a text, or none",
  "types.form.questions":
    "fields separated by ; such as Order number; Details (paragraph) [optional]; Device (choice: Phone, Laptop), or none",
  "types.form.max_open": "a whole number from 1 to 100",
  "types.form.total_cap": "a whole number, or none",
  "types.form.cooldown_minutes": "minutes as a whole number, or none",
  "types.form.required_roles": "roles (@mentions or ids), or none",
  "types.form.blocked_roles": "roles (@mentions or ids), or none",
  "types.form.openers_may_add": "on or off",
  "types.form.claim_mode": "open, hide or readonly",
  "types.form.support_hours":
    "days, hours and a time zone such as Mon-Fri 09:00-17:00 Europe/Berlin, then warn or block; or none",
  "types.form.auto_close": "two numbers of hours (warning, then close), or none",
  "types.form.close_when_opener_leaves": "on or off",
  "types.form.feedback": "on or off",
  "types.form.transcript_channel": "a channel (#mention or id), or none for the log channel",
  "types.form.retention_days": "days as a whole number, or none to keep forever",
  "types.form.close_request_timeout_hours": "hours as a whole number from 1 to 720",
  "types.form.thread_close": "archive or delete",
  "panel.unknown_type":
    "There is no ticket type named \u201C{name}\u201D here. See `/type list` for the names.",
  "panel.type_count": "A panel offers 1 to 25 ticket types. Name at least one that exists.",
  "panel.unknown_panel":
    "There is no such panel here. Pick one from the list, or see `/panel list`.",
  "panel.message_gone":
    "The panel\u2019s message is gone from Discord. Delete the panel with `/panel delete` and post a new one.",
  "panel.edited": "The panel in <#{channel}> was changed.",
  "panel.edited_audit": "<@{user}> changed the ticket panel in <#{channel}>",
  "panel.deleted": "The panel in <#{channel}> was deleted.",
  "panel.deleted_audit": "<@{user}> deleted the ticket panel in <#{channel}>",
  "panel.none": "No panels are posted yet. Post one with `/panel create`.",
  "panel.list_title": "Panels",
  "panel.list_line":
    "**{title}** (panel {id}) in <#{channel}>: {count, plural, one {# type} other {# types}}, {style}",
} as const;
