/** Español: lo que dicen los temporizadores de un ticket, el aviso de cierre automático y la solicitud de cierre. */
export const timers = {
  "timers.auto_close_warning":
    "<@{user}> no sabemos nada de ti aquí desde hace {hours, plural, one {# hora} other {# horas}}. Este ticket se cierra solo dentro de {closeHours, plural, one {# hora} other {# horas}} si no escribes en él.",
  "close_request.question":
    "<@{user}> <@{staff}> cree que este ticket se puede cerrar.{hasReason, select, yes {\nMotivo: {reason}} other {}}\nPulsa **Aceptar** para cerrarlo, o **Mantener abierto** si todavía necesitas ayuda. Sin respuesta, se cierra solo dentro de {hours, plural, one {# hora} other {# horas}}.",
  "close_request.accept": "Aceptar",
  "close_request.keep_open": "Mantener abierto",
  "close_request.kept_open": "<@{user}> mantuvo abierto este ticket.",
  "close_request.not_staff": "Solo el equipo puede pedir que se cierre un ticket.",
  "close_request.only_opener":
    "Solo quien abrió este ticket puede responder a esta solicitud de cierre.",
  "close_request.expired":
    "Esta solicitud de cierre ha caducado. El equipo puede volver a pedirlo con `/ticket close-request`.",
  "close_request.audit": "<@{user}> pidió al autor del ticket #{number} que confirme el cierre",
} as const;
