/** Deutsch: das Ticket eines Befehls finden und damit arbeiten (übergeben, verschieben, Priorität). */
export const work = {
  "scope.closed": "Dieses Ticket ist bereits geschlossen.",
  "scope.closing":
    "Dieses Ticket wird gerade geschlossen. Führe `/ticket close` erneut aus, um das Schließen abzuschließen.",
  "scope.not_a_ticket":
    "Das ist kein Ticket-Kanal. Führe diesen Befehl in dem Ticket aus, das du meinst.",
  "scope.stale_button": "Dieser Button gehört zu einem Ticket, das es nicht mehr gibt.",
  "scope.add_staff_or_opener":
    "Nur das Team und wer dieses Ticket eröffnet hat, können Mitglieder hinzufügen.",
  "scope.remove_staff_or_opener":
    "Nur das Team und wer dieses Ticket eröffnet hat, können Mitglieder entfernen.",
  "scope.add_staff": "Nur das Team kann diesem Ticket Mitglieder hinzufügen.",
  "scope.remove_staff": "Nur das Team kann Mitglieder aus diesem Ticket entfernen.",
  "scope.claim": "Nur das Team kann Tickets übernehmen.",
  "scope.unclaim": "Nur das Team kann Tickets freigeben.",
  "scope.close": "Nur das Team und wer dieses Ticket eröffnet hat, können es schließen.",
  "scope.assistant": "Nur das Team kann den Assistenten pausieren oder fortsetzen.",
  "scope.transfer": "Nur das Team kann ein Ticket an jemand anderen übergeben.",
  "scope.move": "Nur das Team kann ein Ticket in eine andere Ticket-Art verschieben.",
  "scope.priority": "Nur das Team kann die Priorität eines Tickets ändern.",
  "work.access_failed":
    "Ich konnte nicht ändern, wer dieses Ticket sieht, daher hat sich nichts geändert. Bitte versuche es in einer Minute erneut.",
  "transfer.choose": "Wähle das Team-Mitglied, an das du dieses Ticket übergeben willst.",
  "transfer.bot": "Ein Bot kann sich nicht um ein Ticket kümmern. Wähle ein Team-Mitglied.",
  "transfer.same": "<@{user}> kümmert sich bereits um dieses Ticket.",
  "transfer.not_staff":
    "<@{user}> gehört nicht zum Team der Ticket-Art \u201E{type}\u201C. Wähle ein Mitglied mit einer ihrer Team-Rollen.",
  "transfer.done":
    "<@{actor}> hat dieses Ticket an <@{user}> übergeben; <@{user}> kümmert sich jetzt darum.",
  "transfer.assigned":
    "<@{actor}> hat dieses Ticket <@{user}> zugewiesen; <@{user}> kümmert sich jetzt darum.",
  "transfer.audit": "<@{actor}> hat Ticket #{number} an <@{user}> übergeben",
  "move.same": "Dieses Ticket hat bereits die Ticket-Art \u201E{type}\u201C.",
  "move.unknown": "Eine Ticket-Art dieses Namens gibt es hier nicht. Wähle eine aus der Liste.",
  "move.other_mode":
    "Nur Tickets in Kanälen können verschoben werden, und nur in eine Ticket-Art mit Kanälen: \u201E{type}\u201C führt ihre Tickets als {mode, select, thread {Threads} other {Kanäle}}. Wähle eine andere Ticket-Art.",
  "move.no_category":
    "Die Ticket-Art \u201E{type}\u201C hat noch keine Kategorie. Bitte einen Admin, mit `/type set category` eine festzulegen.",
  "move.category_missing":
    "Die Kategorie der Ticket-Art \u201E{type}\u201C gibt es nicht mehr. Bitte einen Admin, mit `/type set category` eine andere zu wählen.",
  "move.changed": "Dieses Ticket hat sich gerade geändert. Bitte versuche es erneut.",
  "move.moved":
    "<@{user}> hat dieses Ticket in die Ticket-Art \u201E{type}\u201C verschoben.{released, select, yes { <@{claimer}> gehört nicht zu ihrem Team, daher kann das Ticket wieder übernommen werden.} other {}}",
  "move.audit":
    "<@{user}> hat Ticket #{number} von \u201E{from}\u201C nach \u201E{to}\u201C verschoben",
  "priority.low": "Niedrig",
  "priority.normal": "Normal",
  "priority.high": "Hoch",
  "priority.urgent": "Dringend",
  "priority.choose": "Wähle niedrig, normal, hoch oder dringend.",
  "priority.same": "Dieses Ticket hat bereits die Priorität {priority}.",
  "priority.set": "<@{user}> hat die Priorität dieses Tickets auf **{priority}** gesetzt.",
  "priority.audit": "<@{user}> hat die Priorität von Ticket #{number} auf {priority} gesetzt",
  "summary.priority": "Priorität",
} as const;
