/** English: what a ticket's timers say, the auto close's warning and the close request. */
export const timers = {
  "timers.auto_close_warning":
    "<@{user}> we have not heard from you here for {hours, plural, one {# hour} other {# hours}}. This ticket closes by itself in {closeHours, plural, one {# hour} other {# hours}} unless you write in it.",
  "close_request.question":
    "<@{user}> <@{staff}> thinks this ticket can be closed.{hasReason, select, yes {\nReason: {reason}} other {}}\nPress **Accept** to close it, or **Keep open** if you still need help. Without an answer it closes by itself in {hours, plural, one {# hour} other {# hours}}.",
  "close_request.accept": "Accept",
  "close_request.keep_open": "Keep open",
  "close_request.kept_open": "<@{user}> kept this ticket open.",
  "close_request.not_staff": "Only staff can ask for a ticket to be closed.",
  "close_request.only_opener":
    "Only the person who opened this ticket can answer this close request.",
  "close_request.expired":
    "This close request has expired. Staff can ask again with `/ticket close-request`.",
  "close_request.audit": "<@{user}> asked the opener of ticket #{number} to confirm the close",
} as const;
