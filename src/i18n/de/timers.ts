/** Deutsch: was die Zeitgeber eines Tickets sagen, die Warnung vor dem automatischen Schließen und die Schließanfrage. */
export const timers = {
  "timers.auto_close_warning":
    "<@{user}> von dir kam hier seit {hours, plural, one {# Stunde} other {# Stunden}} keine Nachricht. Dieses Ticket schließt sich in {closeHours, plural, one {# Stunde} other {# Stunden}} von selbst, wenn du nicht darin schreibst.",
  "close_request.question":
    "<@{user}> <@{staff}> meint, dieses Ticket kann geschlossen werden.{hasReason, select, yes {\nGrund: {reason}} other {}}\nDrücke **Annehmen**, um es zu schließen, oder **Offen lassen**, wenn du noch Hilfe brauchst. Ohne Antwort schließt es sich in {hours, plural, one {# Stunde} other {# Stunden}} von selbst.",
  "close_request.accept": "Annehmen",
  "close_request.keep_open": "Offen lassen",
  "close_request.kept_open": "<@{user}> lässt dieses Ticket offen.",
  "close_request.not_staff": "Nur das Team kann darum bitten, ein Ticket zu schließen.",
  "close_request.only_opener":
    "Nur wer dieses Ticket eröffnet hat, kann auf diese Schließanfrage antworten.",
  "close_request.expired":
    "Diese Schließanfrage ist abgelaufen. Das Team kann mit `/ticket close-request` erneut fragen.",
  "close_request.audit":
    "<@{user}> hat den Ersteller von Ticket #{number} gebeten, das Schließen zu bestätigen",
} as const;
