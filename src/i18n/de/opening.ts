/** Deutsch: ein Ticket eröffnen (auf jedem Weg), sein Formular, die Begrüßung und der Log-Eintrag. */
export const opening = {
  "open.not_configured":
    "Tickets sind auf diesem Server noch nicht eingerichtet. Bitte einen Admin, `/setup` auszuführen.",
  "open.limit":
    "{whose, select, self {Du hast schon} other {<@{user}> hat schon}} {limit, plural, one {ein offenes Ticket} other {# offene Tickets}} dieser Art, mehr sind hier nicht erlaubt.",
  "open.limit_continue": "Mach in {links} weiter.",
  "open.limit_creating": "Sein Kanal wird gerade erstellt; der Link folgt gleich.",
  "open.opened": "Dein Ticket ist eröffnet: <#{channel}>",
  "open.opened_for": "Das Ticket für <@{user}> ist eröffnet: <#{channel}>",
  "open.panel_gone":
    "Dieses Panel funktioniert nicht mehr. Bitte einen Admin, mit `/panel` ein neues zu posten.",
  "open.blocked_role":
    "{whose, select, self {Mitglieder mit der Rolle <@&{role}> können} other {<@{user}> hat die Rolle <@&{role}>, und Mitglieder mit ihr können}} diese Art von Ticket nicht eröffnen. Frag das Team, wenn du das für einen Fehler hältst.",
  "open.missing_role":
    "Diese Art von Ticket ist nur für Mitglieder mit {roles}{whose, select, self {} other {, und <@{user}> hat keine davon}}. Frag das Team, wenn du das für einen Fehler hältst.",
  "open.outside_hours":
    "Das Team ist gerade nicht da. Diese Art von Ticket kann {at} wieder eröffnet werden.",
  "open.outside_hours_warn": "Das Team ist gerade nicht da; es ist {at} zurück und antwortet dann.",
  "open.form_title": "Ein Ticket eröffnen",
  "open.choose": "Wähle eine Antwort",
  "open.answer_missing":
    "Bitte beantworte \u201E{question}\u201C und schick das Formular noch einmal.",
  "open.choice_unknown":
    "\u201E{question}\u201C wurde geändert, seit das Formular gezeigt wurde. Bitte öffne das Formular noch einmal.",
  "open.log": "Ticket #{number} von <@{opener}> in <#{channel}> eröffnet",
  "open.log_for": "Ticket #{number} für <@{opener}> von <@{actor}> in <#{channel}> eröffnet",
  "open.for_not_staff":
    "Nur das Team kann ein Ticket für jemand anderen eröffnen. Dein eigenes eröffnest du mit `/ticket new`.",
  "open.for_bot": "Bots können keine Tickets haben. Wähle ein Mitglied dieses Servers.",
  "open.for_not_member":
    "Dieser Nutzer ist kein Mitglied dieses Servers, also kann kein Ticket für ihn eröffnet werden.",
  "welcome.default_text":
    "Danke, dass du dich meldest. Beschreib, was du brauchst; jemand aus dem Team ist bald für dich da.",
  "welcome.assistant":
    "Ein Assistent antwortet hier vielleicht zuerst; das Team übernimmt, sobald jemand das Ticket übernimmt.",
  "welcome.opened_for": "<@{actor}> hat dieses Ticket für dich eröffnet.",
  "welcome.about": "Zu dieser Nachricht von <@{author}>:",
  "welcome.jump": "Zur Nachricht: {url}",
  "welcome.title": "Ticket #{number}",
  "welcome.close": "Schließen",
  "welcome.claim": "Übernehmen",
} as const;
