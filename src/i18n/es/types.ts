/** Español: tipos de ticket, sus límites, `/type ...` y `/panel ...`. */
export const types = {
  "types.cap_reached":
    "Este tipo de ticket está completo: {cap, plural, one {hay # ticket abierto} other {hay # tickets abiertos}}, el máximo permitido. Vuelve a intentarlo cuando se cierre alguno.",
  "types.cooling_down": "Abriste uno de estos hace poco. Podrás abrir otro {at}.",
  "types.not_admin":
    "Solo los miembros con «Gestionar servidor» pueden cambiar los tipos de ticket.",
  "types.unknown":
    "Ese tipo de ticket no existe aquí. Elige uno de la lista o consulta `/type list`.",
  "types.unknown_setting": "Elige un ajuste de la lista.",
  "types.invalid": "Eso no cumple las reglas de un tipo de ticket: {problems}",
  "types.expected": "El valor de {setting} debe ser {form}.",
  "types.name_taken": "Ya existe un tipo de ticket llamado «{name}». Elige otro nombre.",
  "types.too_many":
    "Este servidor ya tiene el máximo de tipos de ticket ({max}). Elimina uno primero.",
  "types.is_default":
    "«{name}» es el tipo predeterminado y no se puede eliminar. Cámbialo con `/type set`.",
  "types.has_tickets":
    "«{name}» todavía tiene {count, plural, one {# ticket abierto} other {# tickets abiertos}}. {count, plural, one {Ciérralo} other {Ciérralos}} primero y luego elimina el tipo.",
  "types.created": "Tipo de ticket «{name}» añadido. Cambia sus ajustes con `/type set`.",
  "types.created_audit": "<@{user}> añadió el tipo de ticket «{name}»",
  "types.deleted": "Tipo de ticket «{name}» eliminado.",
  "types.deleted_audit": "<@{user}> eliminó el tipo de ticket «{name}»",
  "types.set": "{setting} de «{name}» cambiado.",
  "types.set_audit": "<@{user}> cambió {setting} del tipo de ticket «{name}»",
  "types.list_title": "Tipos de ticket",
  "types.list_line":
    "**{name}**{marker}: equipo {staff}, hasta {limit} abiertos por miembro, {questions, plural, =0 {sin preguntas} one {# pregunta} other {# preguntas}}",
  "types.default_marker": " (predeterminado)",
  "types.form.name": "un nombre de 1 a 100 caracteres",
  "types.form.emoji": "un emoji, o none",
  "types.form.description": "una línea de texto, o none",
  "types.form.category": "una categoría (su ID), o none",
  "types.form.mode": "channel o thread",
  "types.form.parent_channel": "un canal (#mención o ID), o none",
  "types.form.staff_roles": "roles (@menciones o IDs), o none",
  "types.form.naming_scheme":
    "un esquema de nombre de canal con los marcadores number, username o user_id entre llaves",
  "types.form.welcome_text": "un texto, o none",
  "types.form.questions":
    "campos separados por ;, por ejemplo Número de pedido; Detalles (paragraph) [optional]; Dispositivo (choice: Móvil, Portátil), o none",
  "types.form.max_open": "un número entero del 1 al 100",
  "types.form.total_cap": "un número entero, o none",
  "types.form.cooldown_minutes": "minutos como número entero, o none",
  "types.form.required_roles": "roles (@menciones o IDs), o none",
  "types.form.blocked_roles": "roles (@menciones o IDs), o none",
  "types.form.openers_may_add": "on u off",
  "types.form.claim_mode": "open, hide o readonly",
  "types.form.support_hours":
    "días, horas y una zona horaria como Mon-Fri 09:00-17:00 Europe/Berlin, y después warn o block; o none",
  "types.form.auto_close": "dos números de horas (aviso y después cierre), o none",
  "types.form.close_when_opener_leaves": "on u off",
  "types.form.feedback": "on u off",
  "types.form.transcript_channel": "un canal (#mención o ID), o none para el canal de registro",
  "types.form.retention_days": "días como número entero, o none para guardarlo siempre",
  "types.form.close_request_timeout_hours": "horas como número entero del 1 al 720",
  "types.form.thread_close": "archive o delete",
  "panel.unknown_type":
    "Aquí no hay ningún tipo de ticket llamado «{name}». Consulta los nombres con `/type list`.",
  "panel.type_count": "Un panel ofrece de 1 a 25 tipos de ticket. Nombra al menos uno que exista.",
  "panel.unknown_panel":
    "Ese panel no existe aquí. Elige uno de la lista o consulta `/panel list`.",
  "panel.message_gone":
    "El mensaje del panel ya no está en Discord. Elimina el panel con `/panel delete` y publica uno nuevo.",
  "panel.edited": "Se cambió el panel de <#{channel}>.",
  "panel.edited_audit": "<@{user}> cambió el panel de tickets de <#{channel}>",
  "panel.deleted": "Se eliminó el panel de <#{channel}>.",
  "panel.deleted_audit": "<@{user}> eliminó el panel de tickets de <#{channel}>",
  "panel.none": "Todavía no hay paneles publicados. Publica uno con `/panel create`.",
  "panel.list_title": "Paneles",
  "panel.list_line":
    "**{title}** (panel {id}) en <#{channel}>: {count, plural, one {# tipo} other {# tipos}}, {style}",
};
