/** Português do Brasil: respostas salvas (`/tag ...`) e a fila (`/ticket list`). */
export const tags = {
  "tags.not_staff":
    "Somente a equipe e membros com \u201CGerenciar servidor\u201D podem usar as respostas salvas.",
  "tags.not_staff_here": "Somente a equipe deste tipo de ticket pode enviar respostas salvas aqui.",
  "tags.not_a_ticket":
    "As respostas salvas são enviadas dentro de um ticket. Execute `/tag send` no ticket.",
  "tags.ticket_closed":
    "Este ticket está fechado; não é mais possível enviar respostas salvas nele.",
  "tags.unknown":
    "Não há nenhuma resposta salva chamada \u201C{name}\u201D. Veja os nomes com `/tag list`.",
  "tags.name_taken":
    "Já existe uma resposta salva chamada \u201C{name}\u201D. Escolha outro nome ou altere-a com `/tag edit`.",
  "tags.name_empty": "Dê à resposta salva um nome de 1 a 80 caracteres.",
  "tags.content_empty": "Escreva o texto da resposta salva.",
  "tags.too_long":
    "Esse texto tem {length} caracteres; uma resposta salva comporta no máximo {max}. Encurte-o e tente de novo.",
  "tags.form_title_new": "Nova resposta salva",
  "tags.form_title_edit": "Editar \u201C{name}\u201D",
  "tags.name_too_long_to_edit":
    "O nome desta resposta salva é longo demais para editá-la aqui. Exclua-a e adicione-a de novo com um nome mais curto.",
  "tags.form_name": "Nome",
  "tags.form_content": "Texto",
  "tags.form_content_hint": "Marcadores: {opener} {staff} {number}",
  "tags.created":
    "Resposta salva \u201C{name}\u201D adicionada. Envie-a em um ticket com `/tag send`.",
  "tags.edited": "Resposta salva \u201C{name}\u201D alterada.",
  "tags.deleted": "Resposta salva \u201C{name}\u201D excluída.",
  "tags.created_audit": "<@{user}> adicionou a resposta salva \u201C{name}\u201D",
  "tags.edited_audit": "<@{user}> alterou a resposta salva \u201C{name}\u201D",
  "tags.deleted_audit": "<@{user}> excluiu a resposta salva \u201C{name}\u201D",
  "tags.sent_audit": "<@{user}> enviou a resposta salva \u201C{name}\u201D no ticket #{number}",
  "tags.list_title": "Respostas salvas",
  "tags.list_empty": "Ainda não há respostas salvas. Adicione uma com `/tag create`.",
  "tags.list_line": "**{name}**: {preview}",
  "queue.not_staff": "Somente a equipe pode ver a fila de tickets abertos.",
  "queue.unknown_filter": "Escolha um dos filtros da lista.",
  "queue.title":
    "Tickets abertos: {filter, select, mine {assumidos por você} unclaimed {não assumidos} waiting_staff {aguardando a equipe} waiting_member {aguardando o membro} other {todos}}",
  "queue.empty": "Nenhum ticket aberto corresponde a este filtro.",
  "queue.line":
    "**#{number}**{link} · {type} · aberto {age} · {waiting, select, staff {aguarda a equipe} member {aguarda o membro} other {ainda sem mensagens}} · {claimed, select, yes {assumido por <@{claimer}>} other {não assumido}} · {priority, select, low {baixa} high {alta} urgent {urgente} other {normal}}",
  "queue.page": "Página {page} de {pages} · {count, plural, one {# ticket} other {# tickets}}",
  "queue.previous": "Anterior",
  "queue.next": "Próximo",
} as const;
