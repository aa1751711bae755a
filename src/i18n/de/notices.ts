/** Deutsch: Hinweise des Assistenten im Ticket und die Felder der Zusammenfassung. */
export const notices = {
  "relay.unavailable": "Der Assistent ist gerade nicht erreichbar; das Team antwortet dir hier.",
  "relay.handoff":
    "{roles} das Mitglied möchte mit einem Menschen sprechen: Der Assistent ist in diesem Ticket pausiert (`/ticket assistant on` setzt ihn fort).",
  "summary.title": "Ticket #{number} geschlossen",
  "summary.ticket": "Ticket",
  "summary.type": "Art",
  "summary.messages": "Nachrichten",
  "summary.opened_by": "Eröffnet von",
  "summary.claimed_by": "Übernommen von",
  "summary.nobody": "niemandem",
  "summary.closed_by": "Geschlossen von",
  "summary.opened": "Eröffnet",
  "summary.closed": "Geschlossen",
  "summary.duration": "Dauer",
  "summary.reason": "Grund",
  "summary.no_reason": "Kein Grund angegeben",
  "summary.files": "Dateien",
  "transcript.open_link": "Transkript öffnen",
  "transcript.someone": "Jemand",
  "transcript.unknown_user": "Unbekannte Person",
  "transcript.unknown_time": "unbekannte Zeit",
  "close.dm":
    "Dein Ticket #{number} wurde geschlossen. Das Transkript {how, select, linked {findest du unten verlinkt} other {ist angehängt}}.",
} as const;
