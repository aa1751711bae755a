/** Português (Brasil): cabeçalho da transcrição, motivos de um fechamento interrompido, e reabertura. */
export const closeReopen = {
  "transcript.header.title":
    "Ticket #{number} · {type}{sequence, plural, =1 {} other { · transcrição #}}",
  "close.type_fallback": "Ticket",
  "close.where.channel": "o canal deste ticket",
  "close.where.database": "o banco de dados",
  "close.where.log_channel": "o canal de registro",
  "close.where.dm": "as mensagens diretas do autor",
  "close.reason.our_side": "algo deu errado do nosso lado (veja o registro do bot)",
  "close.reason.busy":
    "outro fechamento deste ticket ainda está em andamento; aguarde alguns minutos",
  "close.reason.kept_channel":
    "a transcrição tem {count} mensagens, mas {archived} foram registradas, então o canal foi mantido; feche de novo para gerar uma nova transcrição",
  "close.reason.transcript_missing": "a transcrição salva não foi encontrada",
  "close.audit_reason": "Ticket #{number} fechado",
  "reopen.button": "Reabrir",
  "reopen.not_found":
    "Este servidor não tem o ticket #{number}. Confira o número no resumo do ticket no canal de registro.",
  "reopen.not_staff":
    "Só a equipe deste tipo de ticket, ou membros com «Gerenciar servidor», podem reabri-lo.",
  "reopen.still_open": "O ticket #{number} ainda está aberto, então não há o que reabrir.",
  "reopen.closing":
    "O ticket #{number} ainda está sendo fechado. Use `/ticket close` no canal dele para terminar o fechamento e depois reabra-o.",
  "reopen.expired":
    "O ticket #{number} não pode ser reaberto: os dados dele foram apagados quando o prazo de retenção do tipo acabou.",
  "reopen.no_transcript":
    "O ticket #{number} não pode ser reaberto: a transcrição dele não está mais salva.",
  "reopen.busy": "O ticket #{number} está sendo reaberto agora. Tente de novo em instantes.",
  "reopen.reopened": "O ticket #{number} está aberto de novo: <#{channel}>",
  "reopen.previous":
    "Transcrição deste ticket até o fechamento em {when} ({messages, plural, one {# mensagem} other {# mensagens}}):",
  "reopen.notice": "<@{user}> reabriu este ticket.",
  "reopen.audit": "<@{user}> reabriu o ticket #{number} em <#{channel}>",
  "reopen.topic": "Ticket #{number}, reaberto",
  "reopen.type_deleted":
    "O ticket #{number} não pode ser reaberto: o tipo dele foi excluído. Abra um novo ticket.",
  "reopen.close": "Fechar",
  "reopen.claim": "Assumir",
} as const;
