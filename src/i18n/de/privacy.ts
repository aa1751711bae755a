/** Deutsch: Antworten von `/privacy erase` und `/privacy mydata` und die Kopie per DM. */
export const privacy = {
  "privacy.erase_not_admin":
    "Nur Mitglieder mit \u201EServer verwalten\u201C können die Daten eines Mitglieds löschen.",
  "privacy.erase_choose": "Wähle das Mitglied, dessen Worte gelöscht werden sollen.",
  "privacy.erase_question":
    "Alles löschen, was <@{user}> in den Tickets dieses Servers geschrieben hat? Nachrichten, Anhänge, Themen und Antworten werden in Archiven und Protokollen zu \u201E[removed]\u201C; Anzahlen, Zeiten und das Audit-Log bleiben. Das lässt sich nicht rückgängig machen.",
  "privacy.erase_confirm": "Löschen",
  "privacy.erase_cancel": "Abbrechen",
  "privacy.erase_cancelled": "Es wurde nichts gelöscht.",
  "privacy.erase_not_asker":
    "Nur wer gefragt hat, kann das bestätigen. Um die Daten eines Mitglieds selbst zu löschen, führe `/privacy erase` aus.",
  "privacy.erase_done":
    "Die Worte von <@{user}> sind gelöscht: {messages, plural, one {# Nachricht} other {# Nachrichten}} in {tickets, plural, one {# Ticket} other {# Tickets}}; {transcripts, plural, one {# Protokoll} other {# Protokolle}} neu erstellt.",
  "privacy.erase_audit": "<@{actor}> hat die Worte von <@{user}> aus den Tickets gelöscht",
  "privacy.mydata_sent":
    "Ich habe dir deine Daten per Direktnachricht geschickt: {tickets, plural, one {# Ticket} other {# Tickets}}, die du eröffnet hast, und {messages, plural, one {# Nachricht} other {# Nachrichten}}, die du geschrieben hast.",
  "privacy.mydata_dm_closed":
    "Ich kann dir keine Direktnachrichten schicken. Erlaube Direktnachrichten von Mitgliedern dieses Servers (in den Privatsphäre-Einstellungen des Servers) und führe dann `/privacy mydata` noch einmal aus.",
  "privacy.mydata_wait":
    "Du kannst deine Daten einmal am Tag anfordern. Versuche es {relative} wieder ({exact}).",
  "privacy.mydata_too_large":
    "Deine Daten sind zu groß für eine Direktnachricht. Bitte ein Admin dieses Servers, sie für dich vom Betreiber des Bots exportieren zu lassen.",
  "privacy.mydata_dm":
    "Deine Daten auf dem Server mit der ID {guild}: die Tickets, die du eröffnet hast, und die Nachrichten, die du dort geschrieben hast, als JSON-Datei.",
} as const;
