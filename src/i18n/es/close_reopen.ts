/** Español: cabecera de la transcripción, motivos de un cierre interrumpido, y reapertura. */
export const closeReopen = {
  "transcript.header.title":
    "Ticket #{number} · {type}{sequence, plural, =1 {} other { · transcripción #}}",
  "close.type_fallback": "Ticket",
  "close.where.channel": "el canal de este ticket",
  "close.where.database": "la base de datos",
  "close.where.log_channel": "el canal de registro",
  "close.where.dm": "los mensajes directos del autor",
  "close.reason.our_side": "algo ha fallado por nuestra parte (mira el registro del bot)",
  "close.reason.busy": "otro cierre de este ticket sigue en curso; espera unos minutos",
  "close.reason.kept_channel":
    "la transcripción tiene {count} mensajes pero se registraron {archived}, así que el canal se ha conservado; vuelve a cerrar para crear una transcripción nueva",
  "close.reason.transcript_missing": "falta la transcripción guardada",
  "close.audit_reason": "Ticket #{number} cerrado",
  "reopen.button": "Reabrir",
  "reopen.not_found":
    "Este servidor no tiene ningún ticket #{number}. Comprueba el número en el resumen del ticket en el canal de registro.",
  "reopen.not_staff":
    "Solo el equipo de este tipo de ticket, o los miembros con «Gestionar servidor», pueden reabrirlo.",
  "reopen.still_open": "El ticket #{number} sigue abierto, así que no hay nada que reabrir.",
  "reopen.closing":
    "El ticket #{number} aún se está cerrando. Usa `/ticket close` en su canal para terminar de cerrarlo y después reábrelo.",
  "reopen.expired":
    "El ticket #{number} no se puede reabrir: sus datos se borraron al terminar el plazo de conservación de su tipo.",
  "reopen.no_transcript":
    "El ticket #{number} no se puede reabrir: su transcripción ya no está guardada.",
  "reopen.busy":
    "El ticket #{number} se está reabriendo ahora mismo. Inténtalo de nuevo en un momento.",
  "reopen.reopened": "El ticket #{number} vuelve a estar abierto: <#{channel}>",
  "reopen.previous":
    "Transcripción de este ticket hasta su cierre el {when} ({messages, plural, one {# mensaje} other {# mensajes}}):",
  "reopen.notice": "<@{user}> ha reabierto este ticket.",
  "reopen.audit": "<@{user}> ha reabierto el ticket #{number} en <#{channel}>",
  "reopen.topic": "Ticket #{number}, reabierto",
  "reopen.type_deleted":
    "El ticket #{number} no se puede reabrir: su tipo se ha eliminado. Abre un ticket nuevo en su lugar.",
  "reopen.close": "Cerrar",
  "reopen.claim": "Encargarme",
} as const;
