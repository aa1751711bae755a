/** Português (Brasil): abrir um ticket (por qualquer caminho), o formulário, as boas-vindas e o registro. */
export const opening = {
  "open.not_configured":
    "Os tickets ainda não estão configurados neste servidor. Peça a um admin para executar `/setup`.",
  "open.limit":
    "{whose, select, self {Você já tem} other {<@{user}> já tem}} {limit, plural, one {um ticket aberto} other {# tickets abertos}} deste tipo, o máximo permitido aqui.",
  "open.limit_continue": "Continue em {links}.",
  "open.limit_creating": "O canal dele está sendo criado agora; o link chega em instantes.",
  "open.opened": "Seu ticket está aberto: <#{channel}>",
  "open.opened_for": "O ticket para <@{user}> está aberto: <#{channel}>",
  "open.panel_gone":
    "Este painel não funciona mais. Peça a um admin para publicar um novo com `/panel`.",
  "open.blocked_role":
    "{whose, select, self {Membros com o cargo <@&{role}> não podem} other {<@{user}> tem o cargo <@&{role}>, e membros com ele não podem}} abrir este tipo de ticket. Fale com a equipe se achar que é um engano.",
  "open.missing_role":
    "Este tipo de ticket é só para membros com {roles}{whose, select, self {} other {, e <@{user}> não tem nenhum deles}}. Fale com a equipe se achar que é um engano.",
  "open.outside_hours":
    "A equipe não está disponível agora. Este tipo de ticket poderá ser aberto de novo {at}.",
  "open.outside_hours_warn": "A equipe não está disponível agora; ela volta {at} e responde então.",
  "open.form_title": "Abrir um ticket",
  "open.choose": "Escolha uma resposta",
  "open.answer_missing": "Responda a «{question}» e envie o formulário de novo.",
  "open.choice_unknown":
    "«{question}» mudou desde que o formulário foi mostrado. Abra o formulário de novo.",
  "open.log": "Ticket #{number} aberto por <@{opener}> em <#{channel}>",
  "open.log_for": "Ticket #{number} aberto para <@{opener}> por <@{actor}> em <#{channel}>",
  "open.for_not_staff":
    "Só a equipe pode abrir um ticket para outra pessoa. Para abrir o seu, use `/ticket new`.",
  "open.for_bot": "Bots não podem ter tickets. Escolha um membro deste servidor.",
  "open.for_not_member":
    "Esse usuário não é membro deste servidor, então não é possível abrir um ticket para ele.",
  "welcome.default_text":
    "Obrigado por entrar em contato. Descreva o que você precisa e alguém da equipe vai atender você em breve.",
  "welcome.assistant":
    "Um assistente pode responder aqui primeiro; a equipe assume quando alguém assumir o ticket.",
  "welcome.opened_for": "<@{actor}> abriu este ticket para você.",
  "welcome.about": "Sobre esta mensagem de <@{author}>:",
  "welcome.jump": "Ir para a mensagem: {url}",
  "welcome.title": "Ticket #{number}",
  "welcome.close": "Fechar",
  "welcome.claim": "Assumir",
} as const;
