/** English: saved answers (`/tag ...`) and the queue (`/ticket list`). */
export const tags = {
  "tags.not_staff": "Only staff and members with Manage Server can use saved answers.",
  "tags.not_staff_here": "Only staff of this ticket\u2019s type can send saved answers here.",
  "tags.not_a_ticket": "Saved answers are sent inside a ticket. Run `/tag send` in the ticket.",
  "tags.ticket_closed": "This ticket is closed; saved answers can no longer be sent in it.",
  "tags.unknown":
    "There is no saved answer named \u201C{name}\u201D. See `/tag list` for the names.",
  "tags.name_taken":
    "A saved answer named \u201C{name}\u201D exists already. Choose another name, or change it with `/tag edit`.",
  "tags.name_empty": "Give the saved answer a name of 1 to 80 characters.",
  "tags.content_empty": "Write the text of the saved answer.",
  "tags.too_long":
    "That text has {length} characters; a saved answer holds at most {max}. Shorten it and try again.",
  "tags.form_title_new": "New saved answer",
  "tags.form_title_edit": "Edit \u201C{name}\u201D",
  "tags.name_too_long_to_edit":
    "The name of this saved answer is too long to edit here. Delete it and add it again with a shorter name.",
  "tags.form_name": "Name",
  "tags.form_content": "Text",
  "tags.form_content_hint": "Placeholders: {opener} {staff} {number}",
  "tags.created": "Saved answer \u201C{name}\u201D added. Send it in a ticket with `/tag send`.",
  "tags.edited": "Saved answer \u201C{name}\u201D changed.",
  "tags.deleted": "Saved answer \u201C{name}\u201D deleted.",
  "tags.created_audit": "<@{user}> added the saved answer \u201C{name}\u201D",
  "tags.edited_audit": "<@{user}> changed the saved answer \u201C{name}\u201D",
  "tags.deleted_audit": "<@{user}> deleted the saved answer \u201C{name}\u201D",
  "tags.sent_audit": "<@{user}> sent the saved answer \u201C{name}\u201D in ticket #{number}",
  "tags.list_title": "Saved answers",
  "tags.list_empty": "There are no saved answers yet. Add one with `/tag create`.",
  "tags.list_line": "**{name}**: {preview}",
  "queue.not_staff": "Only staff can see the queue of open tickets.",
  "queue.unknown_filter": "Choose one of the listed filters.",
  "queue.title":
    "Open tickets: {filter, select, mine {claimed by you} unclaimed {unclaimed} waiting_staff {waiting for staff} waiting_member {waiting for the member} other {all}}",
  "queue.empty": "No open ticket matches this filter.",
  "queue.line":
    "**#{number}**{link} · {type} · opened {age} · {waiting, select, staff {waits for staff} member {waits for the member} other {no messages yet}} · {claimed, select, yes {claimed by <@{claimer}>} other {unclaimed}} · {priority, select, low {low} high {high} urgent {urgent} other {normal}}",
  "queue.page": "Page {page} of {pages} · {count, plural, one {# ticket} other {# tickets}}",
  "queue.previous": "Previous",
  "queue.next": "Next",
} as const;
