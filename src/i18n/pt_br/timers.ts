/** Português (Brasil): o que dizem os temporizadores de um ticket, o aviso de fechamento automático e o pedido de fechamento. */
export const timers = {
  "timers.auto_close_warning":
    "<@{user}> não temos notícias suas aqui há {hours, plural, one {# hora} other {# horas}}. Este ticket fecha sozinho em {closeHours, plural, one {# hora} other {# horas}} se você não escrever nele.",
  "close_request.question":
    "<@{user}> <@{staff}> acha que este ticket pode ser fechado.{hasReason, select, yes {\nMotivo: {reason}} other {}}\nToque em **Aceitar** para fechá-lo, ou em **Manter aberto** se ainda precisar de ajuda. Sem resposta, ele fecha sozinho em {hours, plural, one {# hora} other {# horas}}.",
  "close_request.accept": "Aceitar",
  "close_request.keep_open": "Manter aberto",
  "close_request.kept_open": "<@{user}> manteve este ticket aberto.",
  "close_request.not_staff": "Só a equipe pode pedir que um ticket seja fechado.",
  "close_request.only_opener":
    "Só quem abriu este ticket pode responder a este pedido de fechamento.",
  "close_request.expired":
    "Este pedido de fechamento expirou. A equipe pode pedir de novo com `/ticket close-request`.",
  "close_request.audit": "<@{user}> pediu ao autor do ticket #{number} que confirme o fechamento",
} as const;
