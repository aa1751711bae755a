/** Deutsch: Ticket-Arten, ihre Grenzen, `/type …` und `/panel …`. */
export const types = {
  "types.cap_reached":
    "Diese Ticket-Art ist voll: {cap, plural, one {# Ticket ist} other {# Tickets sind}} offen, mehr sind nicht erlaubt. Versuch es wieder, sobald eines geschlossen ist.",
  "types.cooling_down":
    "Du hast vor Kurzem schon eines davon eröffnet. Ein weiteres kannst du {at} eröffnen.",
};
