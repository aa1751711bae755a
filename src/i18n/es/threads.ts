/** Español: tickets en modo hilo y notas del equipo. */
export const threads = {
  "thread.parent_missing":
    "Este tipo de ticket abre hilos privados, pero su canal principal no está configurado o ya no existe. Pide a un administrador que ejecute `/type set setting:parent_channel`.",
  "thread.missing_permissions":
    "No puedo abrir tu ticket como hilo privado en <#{parent}>: me falta {list} en ese canal. Pide a un administrador que le dé a mi rol {count, plural, one {ese permiso} other {esos permisos}} en ese canal.",
  "notes.missing_permissions":
    "No puedo abrir un hilo privado del equipo en este ticket: me falta {list} aquí. Pide a un administrador que le dé a mi rol {count, plural, one {ese permiso} other {esos permisos}}.",
  "notes.not_staff": "Solo el equipo de este tipo de ticket puede usar sus notas.",
  "notes.opened":
    "Notas del equipo del ticket #{number}: <#{thread}>. Solo el equipo las ve; quien abrió el ticket, nunca.",
  "notes.linked": "Las notas del equipo del ticket #{number} están en <#{thread}>.",
  "notes.thread_name": "Notas del equipo #{number}",
  "notes.thread_welcome":
    "Notas del equipo del ticket #{number}. Lo que se escriba aquí queda en la transcripción del equipo y nunca se muestra a quien abrió el ticket.",
  "notes.added": "Nota guardada en el ticket #{number}. Solo el equipo puede leerla.",
  "notes.none":
    "El ticket #{number} aún no tiene notas. Añade una con `/ticket notes text:\u2026`.",
  "notes.title": "Notas del equipo del ticket #{number}",
  "notes.more":
    "\u2026y {count, plural, one {# nota más antigua} other {# notas más antiguas}} en la transcripción del equipo.",
  "notes.transcript_title": "Notas del equipo · ticket #{number}",
};
