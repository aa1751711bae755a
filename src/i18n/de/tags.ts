/** Deutsch: Textbausteine (`/tag ...`) und die Warteschlange (`/ticket list`). */
export const tags = {
  "tags.not_staff":
    "Nur das Team und Mitglieder mit \u201EServer verwalten\u201C können Textbausteine nutzen.",
  "tags.not_staff_here": "Nur das Team dieser Ticket-Art kann hier Textbausteine senden.",
  "tags.not_a_ticket":
    "Textbausteine werden in einem Ticket gesendet. Führe `/tag send` im Ticket aus.",
  "tags.ticket_closed":
    "Dieses Ticket ist geschlossen; darin können keine Textbausteine mehr gesendet werden.",
  "tags.unknown":
    "Es gibt keinen Textbaustein namens \u201E{name}\u201C. Die Namen findest du mit `/tag list`.",
  "tags.name_taken":
    "Einen Textbaustein namens \u201E{name}\u201C gibt es schon. Wähle einen anderen Namen oder ändere ihn mit `/tag edit`.",
  "tags.name_empty": "Gib dem Textbaustein einen Namen mit 1 bis 80 Zeichen.",
  "tags.content_empty": "Schreib den Text des Textbausteins.",
  "tags.too_long":
    "Dieser Text hat {length} Zeichen; ein Textbaustein fasst höchstens {max}. Kürze ihn und versuche es noch einmal.",
  "tags.form_title_new": "Neuer Textbaustein",
  "tags.form_title_edit": "\u201E{name}\u201C ändern",
  "tags.name_too_long_to_edit":
    "Der Name dieses Textbausteins ist zu lang, um ihn hier zu ändern. Lösche ihn und füge ihn mit einem kürzeren Namen wieder hinzu.",
  "tags.form_name": "Name",
  "tags.form_content": "Text",
  "tags.form_content_hint": "Platzhalter: {opener} {staff} {number}",
  "tags.created":
    "Textbaustein \u201E{name}\u201C hinzugefügt. Sende ihn in einem Ticket mit `/tag send`.",
  "tags.edited": "Textbaustein \u201E{name}\u201C geändert.",
  "tags.deleted": "Textbaustein \u201E{name}\u201C gelöscht.",
  "tags.created_audit": "<@{user}> hat den Textbaustein \u201E{name}\u201C hinzugefügt",
  "tags.edited_audit": "<@{user}> hat den Textbaustein \u201E{name}\u201C geändert",
  "tags.deleted_audit": "<@{user}> hat den Textbaustein \u201E{name}\u201C gelöscht",
  "tags.sent_audit":
    "<@{user}> hat den Textbaustein \u201E{name}\u201C in Ticket #{number} gesendet",
  "tags.list_title": "Textbausteine",
  "tags.list_empty": "Es gibt noch keine Textbausteine. Füge einen mit `/tag create` hinzu.",
  "tags.list_line": "**{name}**: {preview}",
  "queue.not_staff": "Nur das Team kann die Warteschlange der offenen Tickets sehen.",
  "queue.unknown_filter": "Wähle einen der angebotenen Filter.",
  "queue.title":
    "Offene Tickets: {filter, select, mine {von dir übernommen} unclaimed {nicht übernommen} waiting_staff {warten auf das Team} waiting_member {warten auf das Mitglied} other {alle}}",
  "queue.empty": "Kein offenes Ticket passt zu diesem Filter.",
  "queue.line":
    "**#{number}**{link} · {type} · eröffnet {age} · {waiting, select, staff {wartet auf das Team} member {wartet auf das Mitglied} other {noch keine Nachrichten}} · {claimed, select, yes {übernommen von <@{claimer}>} other {nicht übernommen}} · {priority, select, low {niedrig} high {hoch} urgent {dringend} other {normal}}",
  "queue.page": "Seite {page} von {pages} · {count, plural, one {# Ticket} other {# Tickets}}",
  "queue.previous": "Zurück",
  "queue.next": "Weiter",
} as const;
