/** Português (Brasil): avisos do assistente nos tickets e campos do resumo de fechamento. */
export const notices = {
  "relay.unavailable": "O assistente não está disponível agora; a equipe vai responder você aqui.",
  "relay.handoff":
    "{roles} o membro pediu para falar com uma pessoa: o assistente está pausado neste ticket (`/ticket assistant on` o retoma).",
  "summary.title": "Ticket #{number} fechado",
  "summary.ticket": "Ticket",
  "summary.type": "Tipo",
  "summary.messages": "Mensagens",
  "summary.opened_by": "Aberto por",
  "summary.claimed_by": "Assumido por",
  "summary.nobody": "ninguém",
  "summary.closed_by": "Fechado por",
  "summary.opened": "Aberto em",
  "summary.closed": "Fechado em",
  "summary.duration": "Duração",
  "summary.reason": "Motivo",
  "summary.no_reason": "Nenhum motivo informado",
  "summary.files": "Arquivos",
  "transcript.open_link": "Abrir a transcrição",
  "transcript.someone": "Alguém",
  "transcript.unknown_user": "Usuário desconhecido",
  "transcript.unknown_time": "hora desconhecida",
  "close.dm":
    "O seu ticket #{number} foi fechado. A transcrição {how, select, linked {está no link abaixo} other {está anexada}}.",
} as const;
