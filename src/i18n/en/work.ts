/** English: finding the ticket a command acts on, and working it (transfer, move, priority). */
export const work = {
  "scope.closed": "This ticket is already closed.",
  "scope.closing": "This ticket is being closed. Run `/ticket close` again to finish closing it.",
  "scope.not_a_ticket":
    "This is not a ticket channel. Run this command inside the ticket you mean.",
  "scope.stale_button": "This button belongs to a ticket that no longer exists.",
  "scope.add_staff_or_opener": "Only staff and the person who opened this ticket can add members.",
  "scope.remove_staff_or_opener":
    "Only staff and the person who opened this ticket can remove members.",
  "scope.add_staff": "Only staff can add members to this ticket.",
  "scope.remove_staff": "Only staff can remove members from this ticket.",
  "scope.claim": "Only staff can claim tickets.",
  "scope.unclaim": "Only staff can release tickets.",
  "scope.close": "Only staff and the person who opened this ticket can close it.",
  "scope.assistant": "Only staff can pause or resume the assistant.",
  "scope.transfer": "Only staff can hand a ticket to someone else.",
  "scope.move": "Only staff can move a ticket to another type.",
  "scope.priority": "Only staff can change a ticket\u2019s priority.",
  "work.access_failed":
    "I could not change who may see this ticket, so nothing changed. Please try again in a minute.",
  "transfer.choose": "Choose the staff member to hand this ticket to.",
  "transfer.bot": "A bot cannot handle a ticket. Choose a staff member.",
  "transfer.same": "<@{user}> already handles this ticket.",
  "transfer.not_staff":
    "<@{user}> is not staff of the type \u201C{type}\u201D. Choose a member with one of its staff roles.",
  "transfer.done": "<@{actor}> handed this ticket to <@{user}>, who is handling it now.",
  "transfer.assigned": "<@{actor}> assigned this ticket to <@{user}>, who is handling it now.",
  "transfer.audit": "<@{actor}> handed ticket #{number} to <@{user}>",
  "move.same": "This ticket already is of the type \u201C{type}\u201D.",
  "move.unknown": "There is no ticket type of that name here. Choose one from the list.",
  "move.other_mode":
    "Only tickets in channels can move, and only to a type whose tickets are channels: \u201C{type}\u201D keeps its tickets as {mode, select, thread {threads} other {channels}}. Choose another type.",
  "move.no_category":
    "The type \u201C{type}\u201D has no category yet. Ask an admin to set one with `/type set category`.",
  "move.category_missing":
    "The category of the type \u201C{type}\u201D no longer exists. Ask an admin to choose another with `/type set category`.",
  "move.changed": "This ticket just changed. Please try again.",
  "move.moved":
    "<@{user}> moved this ticket to \u201C{type}\u201D.{released, select, yes { <@{claimer}> is not staff of that type, so the ticket is free to claim again.} other {}}",
  "move.audit": "<@{user}> moved ticket #{number} from \u201C{from}\u201D to \u201C{to}\u201D",
  "priority.low": "Low",
  "priority.normal": "Normal",
  "priority.high": "High",
  "priority.urgent": "Urgent",
  "priority.choose": "Choose low, normal, high or urgent.",
  "priority.same": "This ticket\u2019s priority already is {priority}.",
  "priority.set": "<@{user}> set this ticket\u2019s priority to **{priority}**.",
  "priority.audit": "<@{user}> set the priority of ticket #{number} to {priority}",
  "summary.priority": "Priority",
} as const;
