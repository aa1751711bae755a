/** Deutsch: Tickets im Thread-Modus und Team-Notizen. */
export const threads = {
  "thread.parent_missing":
    "Diese Ticket-Art eröffnet private Threads, aber ihr übergeordneter Kanal ist nicht festgelegt oder existiert nicht mehr. Bitte eine Admin-Person, `/type set setting:parent_channel` auszuführen.",
  "thread.missing_permissions":
    "Ich kann dein Ticket nicht als privaten Thread in <#{parent}> eröffnen: Mir fehlt dort {list}. Bitte eine Admin-Person, meiner Rolle {count, plural, one {diese Berechtigung} other {diese Berechtigungen}} in diesem Kanal zu geben.",
  "notes.missing_permissions":
    "Ich kann in diesem Ticket keinen privaten Team-Thread eröffnen: Mir fehlt hier {list}. Bitte eine Admin-Person, meiner Rolle {count, plural, one {diese Berechtigung} other {diese Berechtigungen}} zu geben.",
  "notes.not_staff": "Nur das Team dieser Ticket-Art kann ihre Notizen verwenden.",
  "notes.opened":
    "Team-Notizen zu Ticket #{number}: <#{thread}>. Nur das Team sieht sie; die Person, die das Ticket eröffnet hat, nie.",
  "notes.linked": "Die Team-Notizen zu Ticket #{number} stehen in <#{thread}>.",
  "notes.thread_name": "Team-Notizen #{number}",
  "notes.thread_welcome":
    "Team-Notizen zu Ticket #{number}. Was hier steht, bleibt beim Protokoll für das Team und wird der Person, die das Ticket eröffnet hat, nie gezeigt.",
  "notes.added": "Notiz zu Ticket #{number} gespeichert. Nur das Team kann sie lesen.",
  "notes.none":
    "Ticket #{number} hat noch keine Notizen. Füge eine mit `/ticket notes text:\u2026` hinzu.",
  "notes.title": "Team-Notizen zu Ticket #{number}",
  "notes.more":
    "\u2026und {count, plural, one {# ältere Notiz} other {# ältere Notizen}} im Protokoll für das Team.",
  "notes.transcript_title": "Team-Notizen · Ticket #{number}",
};
