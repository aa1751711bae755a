/** Español: avisos del asistente en los tickets y campos del resumen de cierre. */
export const notices = {
  "relay.unavailable":
    "El asistente no está disponible en este momento; el equipo te responderá aquí.",
  "relay.handoff":
    "{roles} el miembro pidió hablar con una persona: el asistente está en pausa en este ticket (`/ticket assistant on` lo reanuda).",
  "summary.title": "Ticket #{number} cerrado",
  "summary.ticket": "Ticket",
  "summary.type": "Tipo",
  "summary.messages": "Mensajes",
  "summary.opened_by": "Abierto por",
  "summary.claimed_by": "A cargo de",
  "summary.nobody": "nadie",
  "summary.closed_by": "Cerrado por",
  "summary.opened": "Abierto",
  "summary.closed": "Cerrado",
  "summary.duration": "Duración",
  "summary.reason": "Motivo",
  "summary.no_reason": "Sin motivo",
  "summary.files": "Archivos",
  "transcript.open_link": "Abrir la transcripción",
  "transcript.someone": "Alguien",
  "transcript.unknown_user": "Usuario desconocido",
  "transcript.unknown_time": "hora desconocida",
  "close.dm":
    "Tu ticket #{number} se ha cerrado. Su transcripción {how, select, linked {está enlazada abajo} other {va adjunta}}.",
} as const;
