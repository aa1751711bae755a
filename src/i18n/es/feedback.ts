/** Español: la valoración que se pide tras el cierre y su lugar en el resumen. */
export const feedback = {
  "feedback.ask":
    "¿Qué tal fue tu ticket n.º {number} ({type})? Valóralo de 1 (mal) a 5 (excelente).",
  "feedback.form_title": "Gracias por tu valoración",
  "feedback.form_label": "¿Quieres contarnos algo más? (opcional)",
  "feedback.thanks": "¡Gracias! Hemos guardado tu valoración de {stars} sobre 5.",
  "feedback.thanks_comment": "¡Gracias! Hemos añadido tu comentario a tu valoración.",
  "feedback.already": "Ya valoraste este ticket. ¡Gracias!",
  "feedback.not_open": "Este ticket ya no admite valoraciones.",
  "summary.rating": "Valoración",
  "summary.rating_value": "{stars} / 5",
} as const;
