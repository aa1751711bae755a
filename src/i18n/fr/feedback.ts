/** Français : la note demandée après la fermeture, et sa place dans le résumé. */
export const feedback = {
  "feedback.ask":
    "Comment s\u2019est passé votre ticket n° {number} ({type}) ? Donnez-lui une note de 1 (mauvais) à 5 (excellent).",
  "feedback.form_title": "Merci pour votre note",
  "feedback.form_label": "Quelque chose à ajouter ? (facultatif)",
  "feedback.thanks": "Merci ! Votre note de {stars} sur 5 a été enregistrée.",
  "feedback.thanks_comment": "Merci ! Votre commentaire a été ajouté à votre note.",
  "feedback.already": "Vous avez déjà noté ce ticket, merci !",
  "feedback.not_open": "Ce ticket ne peut plus être noté.",
  "summary.rating": "Note",
  "summary.rating_value": "{stars} / 5",
} as const;
