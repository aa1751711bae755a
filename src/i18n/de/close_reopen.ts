/** Deutsch: Kopf des Protokolls, Gründe für ein abgebrochenes Schließen, und das Wiederöffnen. */
export const closeReopen = {
  "transcript.header.title":
    "Ticket #{number} · {type}{sequence, plural, =1 {} other { · Protokoll #}}",
  "close.type_fallback": "Ticket",
  "close.where.channel": "den Kanal dieses Tickets",
  "close.where.database": "die Datenbank",
  "close.where.log_channel": "den Log-Kanal",
  "close.where.dm": "die Direktnachrichten des Erstellers",
  "close.reason.our_side": "bei uns ist etwas schiefgelaufen (siehe das Log des Bots)",
  "close.reason.busy":
    "dieses Ticket wird gerade schon an anderer Stelle geschlossen; warte ein paar Minuten",
  "close.reason.kept_channel":
    "das Protokoll enthält {count} Nachrichten, aufgezeichnet wurden aber {archived}, daher bleibt der Kanal bestehen; schließe erneut, um ein neues Protokoll zu erstellen",
  "close.reason.transcript_missing": "das gespeicherte Protokoll fehlt",
  "close.audit_reason": "Ticket #{number} geschlossen",
  "reopen.button": "Wieder öffnen",
  "reopen.not_found":
    "Auf diesem Server gibt es kein Ticket #{number}. Prüfe die Nummer in der Zusammenfassung im Log-Kanal.",
  "reopen.not_staff":
    "Nur das Team dieser Ticket-Art oder Mitglieder mit \u201EServer verwalten\u201C können das Ticket wieder öffnen.",
  "reopen.still_open": "Ticket #{number} ist noch offen, es gibt also nichts wieder zu öffnen.",
  "reopen.closing":
    "Ticket #{number} wird noch geschlossen. Führe `/ticket close` in seinem Kanal aus, um das Schließen abzuschließen, und öffne es dann wieder.",
  "reopen.expired":
    "Ticket #{number} kann nicht wieder geöffnet werden: Seine Daten wurden gelöscht, als die Aufbewahrungsfrist seiner Art ablief.",
  "reopen.no_transcript":
    "Ticket #{number} kann nicht wieder geöffnet werden: Sein Protokoll ist nicht mehr gespeichert.",
  "reopen.busy": "Ticket #{number} wird gerade wieder geöffnet. Versuch es gleich noch einmal.",
  "reopen.reopened": "Ticket #{number} ist wieder offen: <#{channel}>",
  "reopen.previous":
    "Protokoll dieses Tickets bis zum Schließen am {when} ({messages, plural, one {# Nachricht} other {# Nachrichten}}):",
  "reopen.notice": "<@{user}> hat dieses Ticket wieder geöffnet.",
  "reopen.audit": "<@{user}> hat Ticket #{number} in <#{channel}> wieder geöffnet",
  "reopen.topic": "Ticket #{number}, wieder geöffnet",
  "reopen.type_deleted":
    "Ticket #{number} kann nicht wieder geöffnet werden: Seine Art wurde gelöscht. Eröffne stattdessen ein neues Ticket.",
  "reopen.close": "Schließen",
  "reopen.claim": "Übernehmen",
} as const;
