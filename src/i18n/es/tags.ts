/** Español: respuestas guardadas (`/tag ...`) y la cola (`/ticket list`). */
export const tags = {
  "tags.not_staff":
    "Solo el equipo y los miembros con «Gestionar servidor» pueden usar las respuestas guardadas.",
  "tags.not_staff_here":
    "Solo el equipo de este tipo de ticket puede enviar respuestas guardadas aquí.",
  "tags.not_a_ticket":
    "Las respuestas guardadas se envían dentro de un ticket. Ejecuta `/tag send` en el ticket.",
  "tags.ticket_closed":
    "Este ticket está cerrado; ya no se pueden enviar respuestas guardadas en él.",
  "tags.unknown":
    "No hay ninguna respuesta guardada llamada «{name}». Consulta los nombres con `/tag list`.",
  "tags.name_taken":
    "Ya existe una respuesta guardada llamada «{name}». Elige otro nombre o cámbiala con `/tag edit`.",
  "tags.name_empty": "Dale a la respuesta guardada un nombre de 1 a 80 caracteres.",
  "tags.content_empty": "Escribe el texto de la respuesta guardada.",
  "tags.too_long":
    "Ese texto tiene {length} caracteres; una respuesta guardada admite como máximo {max}. Acórtalo y vuelve a intentarlo.",
  "tags.form_title_new": "Nueva respuesta guardada",
  "tags.form_title_edit": "Editar «{name}»",
  "tags.name_too_long_to_edit":
    "El nombre de esta respuesta guardada es demasiado largo para editarla aquí. Elimínala y vuelve a añadirla con un nombre más corto.",
  "tags.form_name": "Nombre",
  "tags.form_content": "Texto",
  "tags.form_content_hint": "Marcadores: {opener} {staff} {number}",
  "tags.created": "Respuesta guardada «{name}» añadida. Envíala en un ticket con `/tag send`.",
  "tags.edited": "Respuesta guardada «{name}» modificada.",
  "tags.deleted": "Respuesta guardada «{name}» eliminada.",
  "tags.created_audit": "<@{user}> añadió la respuesta guardada «{name}»",
  "tags.edited_audit": "<@{user}> modificó la respuesta guardada «{name}»",
  "tags.deleted_audit": "<@{user}> eliminó la respuesta guardada «{name}»",
  "tags.sent_audit": "<@{user}> envió la respuesta guardada «{name}» en el ticket #{number}",
  "tags.list_title": "Respuestas guardadas",
  "tags.list_empty": "Todavía no hay respuestas guardadas. Añade una con `/tag create`.",
  "tags.list_line": "**{name}**: {preview}",
  "queue.not_staff": "Solo el equipo puede ver la cola de tickets abiertos.",
  "queue.unknown_filter": "Elige uno de los filtros de la lista.",
  "queue.title":
    "Tickets abiertos: {filter, select, mine {de los que te encargas} unclaimed {sin encargado} waiting_staff {esperan al equipo} waiting_member {esperan al miembro} other {todos}}",
  "queue.empty": "Ningún ticket abierto coincide con este filtro.",
  "queue.line":
    "**#{number}**{link} · {type} · abierto {age} · {waiting, select, staff {espera al equipo} member {espera al miembro} other {aún sin mensajes}} · {claimed, select, yes {a cargo de <@{claimer}>} other {sin encargado}} · {priority, select, low {baja} high {alta} urgent {urgente} other {normal}}",
  "queue.page": "Página {page} de {pages} · {count, plural, one {# ticket} other {# tickets}}",
  "queue.previous": "Anterior",
  "queue.next": "Siguiente",
} as const;
