/** Deutsch: die Bewertung nach dem Schließen und ihr Platz in der Zusammenfassung. */
export const feedback = {
  "feedback.ask":
    "Wie zufrieden warst du mit deinem Ticket #{number} ({type})? Bewerte es von 1 (schlecht) bis 5 (sehr gut).",
  "feedback.form_title": "Danke für deine Bewertung",
  "feedback.form_label": "Möchtest du uns noch etwas sagen? (optional)",
  "feedback.thanks": "Danke! Deine Bewertung mit {stars} von 5 wurde gespeichert.",
  "feedback.thanks_comment": "Danke! Dein Kommentar wurde zu deiner Bewertung hinzugefügt.",
  "feedback.already": "Du hast dieses Ticket schon bewertet \u2013 danke!",
  "feedback.not_open": "Dieses Ticket kann nicht mehr bewertet werden.",
  "summary.rating": "Bewertung",
  "summary.rating_value": "{stars} / 5",
} as const;
