/** Deutsch: was ein Mitglied liest, wenn Discord eine Anfrage abgelehnt hat, und die Gründe. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {Mir fehlt eine Berechtigung, um deinen Ticket-Kanal zu erstellen} other {Mir fehlt hier eine Berechtigung}} (Kanäle verwalten / Rollen verwalten / Kanäle ansehen). Bitte ein Admin, `ticketeer check` auszuführen oder meine Rolle anzupassen.",
  "failure.unknown_channel": "Diesen Kanal gibt es nicht mehr.",
  "failure.unknown_member": "Diese Person ist kein Mitglied dieses Servers.",
  "failure.unknown_role": "Diese Rolle gibt es nicht mehr.",
  "failure.unknown_message": "Diese Nachricht gibt es nicht mehr.",
  "failure.guild_channel_limit":
    "Dieser Server hat Discords Grenze von 500 Kanälen erreicht. Bitte ein Admin, einige zu löschen.",
  "failure.category_full":
    "Diese Kategorie enthält schon die bei Discord höchstens möglichen 50 Kanäle. Bitte ein Admin, eine andere zu wählen.",
  "failure.cannot_dm": "Dieses Mitglied nimmt keine Direktnachrichten von mir an.",
  "failure.rate_limited":
    "Discord hat mich gebeten, langsamer zu machen. Versuch es in {seconds, plural, one {# Sekunde} other {# Sekunden}} noch einmal.",
  "failure.unavailable": "Discord antwortet gerade nicht. Versuch es in einer Minute noch einmal.",
  "reason.missing_permissions":
    "dem Bot fehlt eine Berechtigung in {where}; gib ihm dort Kanäle ansehen, Nachrichten senden, Dateien anhängen und Kanäle verwalten",
  "reason.missing_access": "der Bot kann {where} nicht sehen; gib ihm dort Kanäle ansehen",
  "reason.log_channel_gone":
    "den Log-Kanal gibt es nicht mehr; wähle mit `/config set` einen anderen",
  "reason.gone": "{where} gibt es nicht mehr",
  "reason.refused": "Discord hat eine Anfrage für {where} abgelehnt ({kind})",
  "reason.cannot_dm": "die Person, die das Ticket eröffnet hat, nimmt keine Direktnachrichten an",
  "reason.rate_limited": "Discord bremst den Bot gerade; warte eine Minute",
  "reason.unavailable":
    "Discord antwortet gerade nicht; versuch es in ein paar Minuten noch einmal",
  "apology":
    "Bei uns ist etwas schiefgegangen. Versuch es noch einmal; passiert es wieder, nenne dem Team diese Fehler-ID: {errorId}.",
  "unknown_component":
    "Dieser Button oder Befehl wird nicht mehr verwendet. Kam er aus einer alten Nachricht, nutze `/ticket new` oder ein aktuelles Panel.",
} as const;
