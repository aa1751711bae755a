/** Português (Brasil): respostas de `/config show`, `/config set language`, `/panel` e dos comandos de ticket. */
export const answers = {
  "config.not_admin": "Só membros com Gerenciar servidor podem ver as configurações de tickets.",
  "config.title": "Configurações de tickets",
  "config.category": "Categoria",
  "config.staff_roles": "Cargos da equipe",
  "config.log_channel": "Canal de registro",
  "config.max_open": "Tickets abertos por membro",
  "config.naming": "Nomes dos canais",
  "config.transcript_dm": "Transcrição por mensagem direta",
  "config.openers_may_add": "Quem abre pode adicionar membros",
  "config.question": "Pergunta antes de abrir",
  "config.welcome": "Texto de boas-vindas",
  "config.default_welcome": "{text} (padrão)",
  "config.language": "Idioma",
  "config.access": "Quem pode fazer o quê",
  "config.not_set": "não definido",
  "config.none": "nenhum",
  "config.on": "ligado",
  "config.off": "desligado",
  "config.language_not_admin":
    "Só membros com Gerenciar servidor podem mudar o idioma do servidor.",
  "config.language_invalid": "Escolha um dos idiomas da lista.",
  "config.language_set": "As mensagens públicas deste servidor agora estão em {language}.",
  "config.language_audit": "<@{user}> mudou o idioma do servidor para {language}",
  "access.action": "ação",
  "access.admin": "admin",
  "access.staff": "equipe",
  "access.opener": "autor",
  "access.member": "membro",
  "access.yes": "sim",
  "access.no": "-",
  "access.if_allowed": "se permitido",
  "panel.not_admin": "Só membros com Gerenciar servidor podem publicar um painel.",
  "panel.not_configured": "Os tickets ainda não foram configurados. Execute `/setup` primeiro.",
  "panel.not_text": "Um painel só pode ser publicado em um canal de texto deste servidor.",
  "panel.default_title": "Suporte",
  "panel.default_description":
    "Precisa de ajuda? Clique no botão abaixo para abrir um ticket privado com a equipe.",
  "panel.default_label": "Criar ticket",
  "panel.posted": "Painel publicado em <#{channel}>.",
  "panel.audit": "<@{user}> publicou um painel de tickets em <#{channel}>",
  "members.choose_add": "Escolha o membro que você quer adicionar.",
  "members.opener_has_access": "Essa pessoa abriu o ticket, então já tem acesso.",
  "members.already_in": "<@{user}> já está neste ticket.",
  "members.not_member": "Essa pessoa não é membro deste servidor.",
  "members.added": "<@{actor}> adicionou <@{user}> a este ticket.",
  "members.added_audit": "<@{actor}> adicionou <@{user}> ao ticket #{number}",
  "members.choose_remove": "Escolha o membro que você quer remover.",
  "members.cannot_remove_opener":
    "Quem abriu o ticket não pode ser removido. Feche o ticket em vez disso.",
  "members.cannot_remove_bot": "Este comando não remove bots de um ticket.",
  "members.not_added":
    "<@{user}> não foi adicionado a este ticket, então não há nada para remover.",
  "members.removed": "<@{actor}> removeu <@{user}> deste ticket.",
  "members.removed_audit": "<@{actor}> removeu <@{user}> do ticket #{number}",
  "claim.you_already": "Você já está cuidando deste ticket.",
  "claim.other_already":
    "<@{user}> já está cuidando deste ticket e pode liberá-lo com `/ticket unclaim`.",
  "claim.someone_already":
    "Outra pessoa já está cuidando deste ticket e pode liberá-lo com `/ticket unclaim`.",
  "claim.claimed":
    "<@{user}> está cuidando deste ticket.{assistant, select, paused { O assistente está pausado; a equipe pode retomá-lo com `/ticket assistant on`.} other {}}",
  "claim.audit": "<@{user}> assumiu o ticket #{number}",
  "claim.nobody": "Ninguém assumiu este ticket.",
  "claim.changed": "Quem cuida deste ticket acabou de mudar. Tente de novo.",
  "claim.released":
    "<@{user}> liberou este ticket; ele pode ser assumido.{assistant, select, paused { O assistente continua pausado; `/ticket assistant on` o retoma.} other {}}",
  "claim.released_audit": "<@{user}> liberou o ticket #{number}",
  "assistant.choose": "Escolha `on` ou `off`.",
  "assistant.paused": "<@{user}> pausou o assistente neste ticket.",
  "assistant.resumed": "<@{user}> retomou o assistente neste ticket.",
  "assistant.not_configured":
    " (Este bot ainda não tem um serviço de assistente configurado, então nada é repassado de qualquer forma.)",
  "assistant.audit":
    "<@{user}> {state, select, on {ligou} other {desligou}} o assistente no ticket #{number}",
  "close.question":
    "Fechar o ticket #{number}? Uma transcrição é guardada e {place, select, archive {este tópico é arquivado e trancado} delete {este tópico é apagado} other {este canal é apagado}}.{hasReason, select, yes {\nMotivo: {reason}} other {}}",
  "close.confirm": "Fechar ticket",
  "close.cancel": "Cancelar",
  "close.closed": "O ticket #{number} está fechado.",
  "close.failed":
    "Não consegui terminar de fechar o ticket #{number}: {reason}. O ticket continua aberto; execute `/ticket close` de novo para continuar.",
  "close.cancelled": "Fechamento cancelado; o ticket continua aberto.",
  "privacy.cannot_make_private":
    "Não consigo deixar {what, select, setup {a categoria de tickets e o canal de registro privados} other {o seu canal de ticket privado}}: falta ao meu cargo {list} neste servidor. Peça a um administrador para dar ao meu cargo {count, plural, one {essa permissão} other {essas permissões}} em Configurações do servidor \u2192 Cargos.",
  "open.could_not_open": "Não foi possível abrir o seu ticket. Tente novamente.",
  "open.save_failed":
    "Criei o seu canal de ticket, mas não consegui salvar o ticket, então removi o canal. Tente novamente daqui a pouco.",
  "open.category_missing":
    "A categoria de tickets não existe mais. Peça a um administrador para executar `/setup` de novo.",
  "open.busy": "Muitos tickets estão sendo abertos agora. Tente novamente em um minuto.",
} as const;
