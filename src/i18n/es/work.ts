/** Español: encontrar el ticket de un comando y trabajarlo (traspaso, traslado, prioridad). */
export const work = {
  "scope.closed": "Este ticket ya está cerrado.",
  "scope.closing":
    "Este ticket se está cerrando. Ejecuta `/ticket close` de nuevo para terminar de cerrarlo.",
  "scope.not_a_ticket":
    "Este no es un canal de ticket. Ejecuta este comando dentro del ticket al que te refieres.",
  "scope.stale_button": "Este botón pertenece a un ticket que ya no existe.",
  "scope.add_staff_or_opener": "Solo el equipo y quien abrió este ticket pueden añadir miembros.",
  "scope.remove_staff_or_opener":
    "Solo el equipo y quien abrió este ticket pueden quitar miembros.",
  "scope.add_staff": "Solo el equipo puede añadir miembros a este ticket.",
  "scope.remove_staff": "Solo el equipo puede quitar miembros de este ticket.",
  "scope.claim": "Solo el equipo puede encargarse de tickets.",
  "scope.unclaim": "Solo el equipo puede liberar tickets.",
  "scope.close": "Solo el equipo y quien abrió este ticket pueden cerrarlo.",
  "scope.assistant": "Solo el equipo puede pausar o reanudar el asistente.",
  "scope.transfer": "Solo el equipo puede pasar un ticket a otra persona.",
  "scope.move": "Solo el equipo puede mover un ticket a otro tipo.",
  "scope.priority": "Solo el equipo puede cambiar la prioridad de un ticket.",
  "work.access_failed":
    "No pude cambiar quién puede ver este ticket, así que no cambió nada. Inténtalo de nuevo en un minuto.",
  "transfer.choose": "Elige el miembro del equipo al que pasar este ticket.",
  "transfer.bot": "Un bot no puede encargarse de un ticket. Elige un miembro del equipo.",
  "transfer.same": "<@{user}> ya se encarga de este ticket.",
  "transfer.not_staff":
    "<@{user}> no es del equipo del tipo «{type}». Elige un miembro con uno de sus roles del equipo.",
  "transfer.done": "<@{actor}> pasó este ticket a <@{user}>, que ahora se encarga de él.",
  "transfer.assigned": "<@{actor}> asignó este ticket a <@{user}>, que ahora se encarga de él.",
  "transfer.audit": "<@{actor}> pasó el ticket #{number} a <@{user}>",
  "move.same": "Este ticket ya es del tipo «{type}».",
  "move.unknown": "Aquí no hay ningún tipo de ticket con ese nombre. Elige uno de la lista.",
  "move.other_mode":
    "Solo los tickets en canales pueden moverse, y solo a un tipo cuyos tickets sean canales: «{type}» guarda sus tickets como {mode, select, thread {hilos} other {canales}}. Elige otro tipo.",
  "move.no_category":
    "El tipo «{type}» aún no tiene categoría. Pide a un admin que elija una con `/type set category`.",
  "move.category_missing":
    "La categoría del tipo «{type}» ya no existe. Pide a un admin que elija otra con `/type set category`.",
  "move.changed": "Este ticket acaba de cambiar. Inténtalo de nuevo.",
  "move.moved":
    "<@{user}> movió este ticket a «{type}».{released, select, yes { <@{claimer}> no es del equipo de ese tipo, así que el ticket queda libre para que alguien se encargue.} other {}}",
  "move.audit": "<@{user}> movió el ticket #{number} de «{from}» a «{to}»",
  "priority.low": "Baja",
  "priority.normal": "Normal",
  "priority.high": "Alta",
  "priority.urgent": "Urgente",
  "priority.choose": "Elige baja, normal, alta o urgente.",
  "priority.same": "La prioridad de este ticket ya es {priority}.",
  "priority.set": "<@{user}> puso la prioridad de este ticket en **{priority}**.",
  "priority.audit": "<@{user}> puso la prioridad del ticket #{number} en {priority}",
  "summary.priority": "Prioridad",
} as const;
