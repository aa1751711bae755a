/** Português (Brasil): o que um membro lê quando o Discord recusou uma solicitação, e os motivos. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {Falta uma permissão de que preciso para criar o seu canal de ticket} other {Falta uma permissão de que preciso aqui}} (Gerenciar canais / Gerenciar cargos / Ver canais). Peça a um admin para executar `ticketeer check` ou corrigir o meu cargo.",
  "failure.unknown_channel": "Esse canal não existe mais.",
  "failure.unknown_member": "Essa pessoa não é membro deste servidor.",
  "failure.unknown_role": "Esse cargo não existe mais.",
  "failure.unknown_message": "Essa mensagem não existe mais.",
  "failure.guild_channel_limit":
    "Este servidor atingiu o limite do Discord de 500 canais. Peça a um admin para apagar alguns.",
  "failure.category_full":
    "Essa categoria já tem o máximo de 50 canais permitido pelo Discord. Peça a um admin para escolher outra.",
  "failure.cannot_dm": "Esse membro não aceita mensagens diretas minhas.",
  "failure.rate_limited":
    "O Discord pediu que eu fosse mais devagar. Tente de novo em {seconds, plural, one {# segundo} other {# segundos}}.",
  "failure.unavailable": "O Discord não está respondendo agora. Tente de novo em um minuto.",
  "reason.missing_permissions":
    "falta ao bot uma permissão em {where}; dê a ele Ver canais, Enviar mensagens, Anexar arquivos e Gerenciar canais lá",
  "reason.missing_access": "o bot não consegue ver {where}; dê a ele Ver canais lá",
  "reason.log_channel_gone": "o canal de registro não existe mais; escolha outro com `/config set`",
  "reason.gone": "{where} não existe mais",
  "reason.refused": "O Discord recusou uma solicitação para {where} ({kind})",
  "reason.cannot_dm": "quem abriu o ticket não aceita mensagens diretas",
  "reason.rate_limited": "O Discord está limitando o bot; espere um minuto",
  "reason.unavailable": "O Discord não está respondendo agora; tente de novo em alguns minutos",
  "apology":
    "Algo deu errado do nosso lado. Tente de novo; se continuar acontecendo, passe para a equipe este ID de erro: {errorId}.",
  "unknown_component":
    "Este botão ou comando não é mais usado. Se veio de uma mensagem antiga, use `/ticket new` ou um painel atual.",
} as const;
