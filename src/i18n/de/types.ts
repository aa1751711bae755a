/** Deutsch: Ticket-Arten, ihre Grenzen, `/type ...` und `/panel ...`. */
export const types = {
  "types.cap_reached":
    "Diese Ticket-Art ist voll: {cap, plural, one {# Ticket ist} other {# Tickets sind}} offen, mehr sind nicht erlaubt. Versuch es wieder, sobald eines geschlossen ist.",
  "types.cooling_down":
    "Du hast vor Kurzem schon eines davon eröffnet. Ein weiteres kannst du {at} eröffnen.",
  "types.not_admin": "Nur Mitglieder mit \u201EServer verwalten\u201C können Ticket-Arten ändern.",
  "types.unknown":
    "Diese Ticket-Art gibt es hier nicht. Wähle eine aus der Liste oder sieh in `/type list` nach.",
  "types.unknown_setting": "Wähle eine Einstellung aus der Liste.",
  "types.invalid": "Das passt nicht zu den Regeln einer Ticket-Art: {problems}",
  "types.expected": "Der Wert für {setting} sollte {form} sein.",
  "types.name_taken":
    "Eine Ticket-Art \u201E{name}\u201C gibt es schon. Wähle einen anderen Namen.",
  "types.too_many":
    "Dieser Server hat schon die größte erlaubte Zahl an Ticket-Arten ({max}). Lösche zuerst eine.",
  "types.is_default":
    "\u201E{name}\u201C ist die Standard-Art und kann nicht gelöscht werden. Ändere sie stattdessen mit `/type set`.",
  "types.has_tickets":
    "\u201E{name}\u201C hat noch {count, plural, one {# offenes Ticket} other {# offene Tickets}}. Schließe {count, plural, one {es} other {sie}} zuerst und lösche dann die Art.",
  "types.created":
    "Ticket-Art \u201E{name}\u201C hinzugefügt. Ihre Einstellungen änderst du mit `/type set`.",
  "types.created_audit": "<@{user}> hat die Ticket-Art \u201E{name}\u201C hinzugefügt",
  "types.deleted": "Ticket-Art \u201E{name}\u201C gelöscht.",
  "types.deleted_audit": "<@{user}> hat die Ticket-Art \u201E{name}\u201C gelöscht",
  "types.set": "{setting} von \u201E{name}\u201C geändert.",
  "types.set_audit": "<@{user}> hat {setting} der Ticket-Art \u201E{name}\u201C geändert",
  "types.list_title": "Ticket-Arten",
  "types.list_line":
    "**{name}**{marker}: Team {staff}, bis zu {limit} offen pro Mitglied, {questions, plural, =0 {keine Fragen} one {# Frage} other {# Fragen}}",
  "types.default_marker": " (Standard)",
  "types.form.name": "ein Name mit 1\u2013100 Zeichen",
  "types.form.emoji": "ein Emoji oder none",
  "types.form.description": "eine Zeile Text oder none",
  "types.form.category": "eine Kategorie (ihre ID) oder none",
  "types.form.mode": "channel oder thread",
  "types.form.parent_channel": "ein Kanal (#Erwähnung oder ID) oder none",
  "types.form.staff_roles": "Rollen (@Erwähnungen oder IDs) oder none",
  "types.form.naming_scheme":
    "ein Schema für Kanalnamen mit den Platzhaltern number, username oder user_id in geschweiften Klammern",
  "types.form.welcome_text": "ein Text oder none",
  "types.form.questions":
    "Felder, getrennt durch ;, etwa Bestellnummer; Details (paragraph) [optional]; Gerät (choice: Handy, Laptop), oder none",
  "types.form.max_open": "eine ganze Zahl von 1 bis 100",
  "types.form.total_cap": "eine ganze Zahl oder none",
  "types.form.cooldown_minutes": "Minuten als ganze Zahl oder none",
  "types.form.required_roles": "Rollen (@Erwähnungen oder IDs) oder none",
  "types.form.blocked_roles": "Rollen (@Erwähnungen oder IDs) oder none",
  "types.form.openers_may_add": "on oder off",
  "types.form.claim_mode": "open, hide oder readonly",
  "types.form.support_hours":
    "Tage, Uhrzeiten und eine Zeitzone wie Mon-Fri 09:00-17:00 Europe/Berlin, danach warn oder block; oder none",
  "types.form.auto_close": "zwei Stundenzahlen (Warnung, dann Schließen) oder none",
  "types.form.close_when_opener_leaves": "on oder off",
  "types.form.feedback": "on oder off",
  "types.form.transcript_channel": "ein Kanal (#Erwähnung oder ID) oder none für den Log-Kanal",
  "types.form.retention_days": "Tage als ganze Zahl oder none, um für immer aufzubewahren",
  "types.form.close_request_timeout_hours": "Stunden als ganze Zahl von 1 bis 720",
  "types.form.thread_close": "archive oder delete",
  "panel.unknown_type":
    "Eine Ticket-Art \u201E{name}\u201C gibt es hier nicht. Die Namen findest du mit `/type list`.",
  "panel.type_count":
    "Ein Panel bietet 1 bis 25 Ticket-Arten an. Nenne mindestens eine, die es gibt.",
  "panel.unknown_panel":
    "Dieses Panel gibt es hier nicht. Wähle eines aus der Liste oder sieh in `/panel list` nach.",
  "panel.message_gone":
    "Die Nachricht des Panels ist aus Discord verschwunden. Lösche das Panel mit `/panel delete` und poste ein neues.",
  "panel.edited": "Das Panel in <#{channel}> wurde geändert.",
  "panel.edited_audit": "<@{user}> hat das Ticket-Panel in <#{channel}> geändert",
  "panel.deleted": "Das Panel in <#{channel}> wurde gelöscht.",
  "panel.deleted_audit": "<@{user}> hat das Ticket-Panel in <#{channel}> gelöscht",
  "panel.none": "Es ist noch kein Panel gepostet. Poste eines mit `/panel create`.",
  "panel.list_title": "Panels",
  "panel.list_line":
    "**{title}** (Panel {id}) in <#{channel}>: {count, plural, one {# Art} other {# Arten}}, {style}",
};
