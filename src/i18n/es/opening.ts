/** Español: abrir un ticket (por cualquier vía), su formulario, la bienvenida y la entrada del registro. */
export const opening = {
  "open.not_configured":
    "Los tickets aún no están configurados en este servidor. Pide a un admin que ejecute `/setup`.",
  "open.limit":
    "{whose, select, self {Ya tienes} other {<@{user}> ya tiene}} {limit, plural, one {un ticket abierto} other {# tickets abiertos}} de este tipo, el máximo permitido aquí.",
  "open.limit_continue": "Continúa en {links}.",
  "open.limit_creating": "Su canal se está creando ahora mismo; el enlace llegará en un momento.",
  "open.opened": "Tu ticket está abierto: <#{channel}>",
  "open.opened_for": "El ticket para <@{user}> está abierto: <#{channel}>",
  "open.panel_gone":
    "Este panel ya no funciona. Pide a un admin que publique uno nuevo con `/panel`.",
  "open.blocked_role":
    "{whose, select, self {Los miembros con el rol <@&{role}> no pueden} other {<@{user}> tiene el rol <@&{role}>, y los miembros con él no pueden}} abrir este tipo de ticket. Consulta al equipo si crees que es un error.",
  "open.missing_role":
    "Este tipo de ticket es solo para miembros con {roles}{whose, select, self {} other {, y <@{user}> no tiene ninguno}}. Consulta al equipo si crees que es un error.",
  "open.outside_hours":
    "El equipo no está disponible ahora. Este tipo de ticket se podrá abrir de nuevo {at}.",
  "open.outside_hours_warn":
    "El equipo no está disponible ahora; vuelve {at} y te responderá entonces.",
  "open.form_title": "Abrir un ticket",
  "open.choose": "Elige una respuesta",
  "open.answer_missing": "Responde a «{question}» y vuelve a enviar el formulario.",
  "open.choice_unknown":
    "«{question}» ha cambiado desde que se mostró el formulario. Vuelve a abrir el formulario.",
  "open.log": "Ticket #{number} abierto por <@{opener}> en <#{channel}>",
  "open.log_for": "Ticket #{number} abierto para <@{opener}> por <@{actor}> en <#{channel}>",
  "open.for_not_staff":
    "Solo el equipo puede abrir un ticket para otra persona. Para abrir el tuyo, usa `/ticket new`.",
  "open.for_bot": "Los bots no pueden tener tickets. Elige a un miembro de este servidor.",
  "open.for_not_member":
    "Ese usuario no es miembro de este servidor, así que no se le puede abrir un ticket.",
  "welcome.default_text":
    "Gracias por escribirnos. Describe lo que necesitas y alguien del equipo te atenderá pronto.",
  "welcome.assistant":
    "Puede que un asistente responda aquí primero; el equipo toma el relevo cuando alguien se encarga del ticket.",
  "welcome.opened_for": "<@{actor}> abrió este ticket para ti.",
  "welcome.about": "Sobre este mensaje de <@{author}>:",
  "welcome.jump": "Ir al mensaje: {url}",
  "welcome.title": "Ticket #{number}",
  "welcome.close": "Cerrar",
  "welcome.claim": "Encargarse",
} as const;
