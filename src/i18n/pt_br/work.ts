/** Português (Brasil): achar o ticket de um comando e trabalhar nele (repasse, mudança, prioridade). */
export const work = {
  "scope.closed": "Este ticket já está fechado.",
  "scope.closing":
    "Este ticket está sendo fechado. Execute `/ticket close` de novo para terminar de fechá-lo.",
  "scope.not_a_ticket":
    "Este não é um canal de ticket. Execute este comando dentro do ticket que você quer.",
  "scope.stale_button": "Este botão pertence a um ticket que não existe mais.",
  "scope.add_staff_or_opener": "Só a equipe e quem abriu este ticket podem adicionar membros.",
  "scope.remove_staff_or_opener": "Só a equipe e quem abriu este ticket podem remover membros.",
  "scope.add_staff": "Só a equipe pode adicionar membros a este ticket.",
  "scope.remove_staff": "Só a equipe pode remover membros deste ticket.",
  "scope.claim": "Só a equipe pode assumir tickets.",
  "scope.unclaim": "Só a equipe pode liberar tickets.",
  "scope.close": "Só a equipe e quem abriu este ticket podem fechá-lo.",
  "scope.assistant": "Só a equipe pode pausar ou retomar o assistente.",
  "scope.transfer": "Só a equipe pode repassar um ticket para outra pessoa.",
  "scope.move": "Só a equipe pode mover um ticket para outro tipo.",
  "scope.priority": "Só a equipe pode mudar a prioridade de um ticket.",
  "work.access_failed":
    "Não consegui mudar quem pode ver este ticket, então nada mudou. Tente de novo em um minuto.",
  "transfer.choose": "Escolha o membro da equipe para quem repassar este ticket.",
  "transfer.bot": "Um bot não pode cuidar de um ticket. Escolha um membro da equipe.",
  "transfer.same": "<@{user}> já está cuidando deste ticket.",
  "transfer.not_staff":
    "<@{user}> não é da equipe do tipo «{type}». Escolha um membro com um dos cargos da equipe dele.",
  "transfer.done": "<@{actor}> repassou este ticket para <@{user}>, que está cuidando dele agora.",
  "transfer.assigned": "<@{actor}> atribuiu este ticket a <@{user}>, que está cuidando dele agora.",
  "transfer.audit": "<@{actor}> repassou o ticket #{number} para <@{user}>",
  "move.same": "Este ticket já é do tipo «{type}».",
  "move.unknown": "Não há nenhum tipo de ticket com esse nome aqui. Escolha um da lista.",
  "move.other_mode":
    "Só tickets em canais podem ser movidos, e só para um tipo cujos tickets sejam canais: «{type}» mantém seus tickets como {mode, select, thread {threads} other {canais}}. Escolha outro tipo.",
  "move.no_category":
    "O tipo «{type}» ainda não tem categoria. Peça a um admin para escolher uma com `/type set category`.",
  "move.category_missing":
    "A categoria do tipo «{type}» não existe mais. Peça a um admin para escolher outra com `/type set category`.",
  "move.changed": "Este ticket acabou de mudar. Tente de novo.",
  "move.moved":
    "<@{user}> moveu este ticket para «{type}».{released, select, yes { <@{claimer}> não é da equipe desse tipo, então o ticket está livre para ser assumido de novo.} other {}}",
  "move.audit": "<@{user}> moveu o ticket #{number} de «{from}» para «{to}»",
  "priority.low": "Baixa",
  "priority.normal": "Normal",
  "priority.high": "Alta",
  "priority.urgent": "Urgente",
  "priority.choose": "Escolha baixa, normal, alta ou urgente.",
  "priority.same": "A prioridade deste ticket já é {priority}.",
  "priority.set": "<@{user}> definiu a prioridade deste ticket como **{priority}**.",
  "priority.audit": "<@{user}> definiu a prioridade do ticket #{number} como {priority}",
  "summary.priority": "Prioridade",
} as const;
