/** Deutsch: `/stats`, die Statistikseite und ihre Zahlen. */
export const stats = {
  "stats.not_staff": "Nur das Team kann die Statistik sehen.",
  "stats.not_your_type":
    "Du gehörst nicht zum Team der Art \u201E{type}\u201C. Wähle eine Art, die du bearbeitest, oder lass die Art weg.",
  "stats.bad_days": "Wähle einen Zeitraum von 1 bis {max} Tagen.",
  "stats.title": "Statistik {days, plural, one {des letzten Tages} other {der letzten # Tage}}",
  "stats.scope_type": "Art: {type}",
  "stats.scope_staff": "Teammitglied: <@{user}>",
  "stats.support_hours":
    "Antwort- und Lösungszeiten zählen bei Arten mit Supportzeiten nur innerhalb dieser Zeiten.",
  "stats.tickets": "Tickets",
  "stats.tickets_value":
    "Eröffnet: {opened}\nGeschlossen: {closed}\nWieder geöffnet: {reopened}\nJetzt offen: {open}",
  "stats.oldest_waiting": "Wartet am längsten auf das Team: #{number}, eröffnet {since}",
  "stats.first_response": "Erste Antwort des Teams",
  "stats.resolution": "Lösungszeit",
  "stats.duration_value":
    "Median: {median}\n90. Perzentil: {p90}\n{count, plural, one {# Ticket} other {# Tickets}}",
  "stats.ratings": "Bewertungen",
  "stats.ratings_value":
    "{count, plural, =0 {Keine Bewertungen} one {# Bewertung} other {# Bewertungen}}, Mittelwert {mean}\n1\u2605 {r1} · 2\u2605 {r2} · 3\u2605 {r3} · 4\u2605 {r4} · 5\u2605 {r5}",
  "stats.staff": "Pro Teammitglied",
  "stats.staff_line":
    "<@{user}>: {handled} bearbeitet, {messages} Nachrichten, Median der ersten Antwort {median}",
  "stats.none": "keine",
  "stats.definitions":
    "Median und 90. Perzentil nach dem Rangverfahren (nearest rank). Die angehängte CSV-Datei listet jedes Ticket des Zeitraums.",
  "stats.definitions_without_csv":
    "Median und 90. Perzentil nach dem Rangverfahren (nearest rank).",
  "stats.csv_too_large":
    "Die CSV-Datei {days, plural, one {dieses Tages} other {dieser # Tage}} ist größer, als Discord als Datei annimmt: Wähle weniger Tage oder lade sie auf der Statistikseite oder mit `ticketeer stats --csv` herunter.",
  "stats.csv_too_many":
    "{days, plural, one {Dieser Tag hat} other {Diese # Tage haben}} zu viele Tickets, um ihre CSV-Datei anzuhängen: Wähle weniger Tage oder lade sie auf der Statistikseite oder mit `ticketeer stats --csv` herunter.",
  "stats.web_definitions":
    "Median und 90. Perzentil nach dem Rangverfahren (nearest rank). Die CSV-Datei listet jedes Ticket des Zeitraums.",
  "stats.web_link": "Statistik",
  "stats.web_period": "Zeitraum in Tagen",
  "stats.web_show": "Anzeigen",
  "stats.web_csv": "CSV herunterladen",
  "stats.web_per_day": "Eröffnet und geschlossen pro Tag",
  "stats.web_per_week": "Median der ersten Antwort und der Lösungszeit pro Woche, in Stunden",
  "stats.web_rating_chart": "Verteilung der Bewertungen",
  "stats.web_load": "Bearbeitete Tickets pro Teammitglied",
  "stats.web_opened": "Eröffnet",
  "stats.web_closed": "Geschlossen",
  "stats.web_median": "Median",
  "stats.web_p90": "90. Perzentil",
  "stats.web_staff_member": "Teammitglied",
  "stats.web_handled": "Bearbeitet",
  "stats.web_messages": "Nachrichten",
  "stats.web_median_response": "Median der ersten Antwort",
  "stats.web_open_now": "Jetzt offen",
  "stats.web_reopened": "Wieder geöffnet",
  "stats.web_mean_rating": "Mittlere Bewertung",
} as const;
