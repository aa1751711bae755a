/** Português (Brasil): a avaliação pedida depois do fechamento e o seu lugar no resumo. */
export const feedback = {
  "feedback.ask":
    "Como foi o atendimento do seu ticket nº {number} ({type})? Avalie de 1 (ruim) a 5 (ótimo).",
  "feedback.form_title": "Obrigado pela avaliação",
  "feedback.form_label": "Quer contar mais alguma coisa? (opcional)",
  "feedback.thanks": "Obrigado! Sua avaliação de {stars} de 5 foi registrada.",
  "feedback.thanks_comment": "Obrigado! Seu comentário foi adicionado à avaliação.",
  "feedback.already": "Você já avaliou este ticket. Obrigado!",
  "feedback.not_open": "Este ticket não aceita mais avaliações.",
  "summary.rating": "Avaliação",
  "summary.rating_value": "{stars} / 5",
} as const;
