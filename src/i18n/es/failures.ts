/** Español: lo que lee un miembro cuando Discord rechazó una solicitud, y los motivos. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {Me falta un permiso para crear tu canal de ticket} other {Me falta un permiso aquí}} (Gestionar canales / Gestionar roles / Ver canales). Pide a un admin que ejecute `ticketeer check` o que corrija mi rol.",
  "failure.unknown_channel": "Ese canal ya no existe.",
  "failure.unknown_member": "Esa persona no es miembro de este servidor.",
  "failure.unknown_role": "Ese rol ya no existe.",
  "failure.unknown_message": "Ese mensaje ya no existe.",
  "failure.guild_channel_limit":
    "Este servidor alcanzó el límite de Discord de 500 canales. Pide a un admin que borre algunos.",
  "failure.category_full":
    "Esa categoría ya tiene el máximo de 50 canales que permite Discord. Pide a un admin que elija otra.",
  "failure.cannot_dm": "Ese miembro no acepta mis mensajes directos.",
  "failure.rate_limited":
    "Discord me pidió que fuera más despacio. Vuelve a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.",
  "failure.unavailable": "Discord no responde en este momento. Vuelve a intentarlo en un minuto.",
  "reason.missing_permissions":
    "al bot le falta un permiso en {where}; dale Ver canales, Enviar mensajes, Adjuntar archivos y Gestionar canales allí",
  "reason.missing_access": "el bot no puede ver {where}; dale Ver canales allí",
  "reason.log_channel_gone": "el canal de registro ya no existe; elige otro con `/config set`",
  "reason.gone": "{where} ya no existe",
  "reason.refused": "Discord rechazó una solicitud para {where} ({kind})",
  "reason.cannot_dm": "quien abrió el ticket no acepta mensajes directos",
  "reason.rate_limited": "Discord está limitando al bot; espera un minuto",
  "reason.unavailable": "Discord no responde en este momento; vuelve a intentarlo en unos minutos",
  "apology":
    "Algo salió mal por nuestra parte. Vuelve a intentarlo; si sigue pasando, da al equipo este ID de error: {errorId}.",
  "unknown_component":
    "Este botón o comando ya no se usa. Si venía de un mensaje antiguo, usa `/ticket new` o un panel actual.",
} as const;
