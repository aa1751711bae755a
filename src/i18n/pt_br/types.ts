/** Português (Brasil): tipos de ticket, seus limites, `/type ...` e `/panel ...`. */
export const types = {
  "types.cap_reached":
    "Este tipo de ticket está cheio: {cap, plural, one {# ticket está aberto} other {# tickets estão abertos}}, o máximo permitido. Tente de novo quando um deles for fechado.",
  "types.cooling_down": "Você abriu um desses há pouco. Poderá abrir outro {at}.",
  "types.not_admin": "Só membros com «Gerenciar servidor» podem alterar os tipos de ticket.",
  "types.unknown": "Esse tipo de ticket não existe aqui. Escolha um da lista ou veja `/type list`.",
  "types.unknown_setting": "Escolha uma configuração da lista.",
  "types.invalid": "Isso não segue as regras de um tipo de ticket: {problems}",
  "types.expected": "O valor de {setting} deve ser {form}.",
  "types.name_taken": "Já existe um tipo de ticket chamado «{name}». Escolha outro nome.",
  "types.too_many": "Este servidor já tem o máximo de tipos de ticket ({max}). Exclua um primeiro.",
  "types.is_default": "«{name}» é o tipo padrão e não pode ser excluído. Altere-o com `/type set`.",
  "types.has_tickets":
    "«{name}» ainda tem {count, plural, one {# ticket aberto} other {# tickets abertos}}. Feche {count, plural, one {o ticket} other {os tickets}} primeiro e depois exclua o tipo.",
  "types.created": "Tipo de ticket «{name}» adicionado. Altere as configurações com `/type set`.",
  "types.created_audit": "<@{user}> adicionou o tipo de ticket «{name}»",
  "types.deleted": "Tipo de ticket «{name}» excluído.",
  "types.deleted_audit": "<@{user}> excluiu o tipo de ticket «{name}»",
  "types.set": "{setting} de «{name}» alterado.",
  "types.set_audit": "<@{user}> alterou {setting} do tipo de ticket «{name}»",
  "types.list_title": "Tipos de ticket",
  "types.list_line":
    "**{name}**{marker}: equipe {staff}, até {limit} abertos por membro, {questions, plural, =0 {sem perguntas} one {# pergunta} other {# perguntas}}",
  "types.default_marker": " (padrão)",
  "types.form.name": "um nome de 1 a 100 caracteres",
  "types.form.emoji": "um emoji, ou none",
  "types.form.description": "uma linha de texto, ou none",
  "types.form.category": "uma categoria (seu ID), ou none",
  "types.form.mode": "channel ou thread",
  "types.form.parent_channel": "um canal (#menção ou ID), ou none",
  "types.form.staff_roles": "cargos (@menções ou IDs), ou none",
  "types.form.naming_scheme":
    "um esquema de nome de canal com os marcadores number, username ou user_id entre chaves",
  "types.form.welcome_text": "um texto, ou none",
  "types.form.questions":
    "campos separados por ;, por exemplo Número do pedido; Detalhes (paragraph) [optional]; Aparelho (choice: Celular, Notebook), ou none",
  "types.form.max_open": "um número inteiro de 1 a 100",
  "types.form.total_cap": "um número inteiro, ou none",
  "types.form.cooldown_minutes": "minutos como número inteiro, ou none",
  "types.form.required_roles": "cargos (@menções ou IDs), ou none",
  "types.form.blocked_roles": "cargos (@menções ou IDs), ou none",
  "types.form.openers_may_add": "on ou off",
  "types.form.claim_mode": "open, hide ou readonly",
  "types.form.support_hours":
    "dias, horários e um fuso horário como Mon-Fri 09:00-17:00 Europe/Berlin, depois warn ou block; ou none",
  "types.form.auto_close": "dois números de horas (aviso, depois fechamento), ou none",
  "types.form.close_when_opener_leaves": "on ou off",
  "types.form.feedback": "on ou off",
  "types.form.transcript_channel": "um canal (#menção ou ID), ou none para o canal de registro",
  "types.form.retention_days": "dias como número inteiro, ou none para guardar para sempre",
  "types.form.close_request_timeout_hours": "horas como número inteiro de 1 a 720",
  "types.form.thread_close": "archive ou delete",
  "panel.unknown_type":
    "Não existe tipo de ticket chamado «{name}» aqui. Veja os nomes com `/type list`.",
  "panel.type_count":
    "Um painel oferece de 1 a 25 tipos de ticket. Indique pelo menos um que exista.",
  "panel.unknown_panel": "Esse painel não existe aqui. Escolha um da lista ou veja `/panel list`.",
  "panel.message_gone":
    "A mensagem do painel sumiu do Discord. Exclua o painel com `/panel delete` e publique um novo.",
  "panel.edited": "O painel em <#{channel}> foi alterado.",
  "panel.edited_audit": "<@{user}> alterou o painel de tickets em <#{channel}>",
  "panel.deleted": "O painel em <#{channel}> foi excluído.",
  "panel.deleted_audit": "<@{user}> excluiu o painel de tickets em <#{channel}>",
  "panel.none": "Ainda não há painéis publicados. Publique um com `/panel create`.",
  "panel.list_title": "Painéis",
  "panel.list_line":
    "**{title}** (painel {id}) em <#{channel}>: {count, plural, one {# tipo} other {# tipos}}, {style}",
};
