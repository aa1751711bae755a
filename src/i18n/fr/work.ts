/** Français : trouver le ticket d'une commande et le traiter (transfert, déplacement, priorité). */
export const work = {
  "scope.closed": "Ce ticket est déjà fermé.",
  "scope.closing":
    "Ce ticket est en cours de fermeture. Relance `/ticket close` pour terminer la fermeture.",
  "scope.not_a_ticket":
    "Ce n\u2019est pas un salon de ticket. Lancez cette commande dans le ticket concerné.",
  "scope.stale_button": "Ce bouton appartient à un ticket qui n\u2019existe plus.",
  "scope.add_staff_or_opener":
    "Seuls l\u2019équipe et la personne qui a ouvert ce ticket peuvent ajouter des membres.",
  "scope.remove_staff_or_opener":
    "Seuls l\u2019équipe et la personne qui a ouvert ce ticket peuvent retirer des membres.",
  "scope.add_staff": "Seule l\u2019équipe peut ajouter des membres à ce ticket.",
  "scope.remove_staff": "Seule l\u2019équipe peut retirer des membres de ce ticket.",
  "scope.claim": "Seule l\u2019équipe peut prendre en charge des tickets.",
  "scope.unclaim": "Seule l\u2019équipe peut libérer des tickets.",
  "scope.close": "Seuls l\u2019équipe et la personne qui a ouvert ce ticket peuvent le fermer.",
  "scope.assistant": "Seule l\u2019équipe peut mettre en pause ou relancer l\u2019assistant.",
  "scope.transfer": "Seule l\u2019équipe peut confier un ticket à quelqu\u2019un d\u2019autre.",
  "scope.move": "Seule l\u2019équipe peut déplacer un ticket vers un autre type.",
  "scope.priority": "Seule l\u2019équipe peut changer la priorité d\u2019un ticket.",
  "work.access_failed":
    "Je n\u2019ai pas pu changer qui peut voir ce ticket, donc rien n\u2019a changé. Réessayez dans une minute.",
  "transfer.choose": "Choisissez le membre de l\u2019équipe à qui confier ce ticket.",
  "transfer.bot":
    "Un bot ne peut pas s\u2019occuper d\u2019un ticket. Choisissez un membre de l\u2019équipe.",
  "transfer.same": "<@{user}> s\u2019occupe déjà de ce ticket.",
  "transfer.not_staff":
    "<@{user}> ne fait pas partie de l\u2019équipe du type « {type} ». Choisissez un membre ayant l\u2019un de ses rôles de l\u2019équipe.",
  "transfer.done": "<@{actor}> a confié ce ticket à <@{user}>, qui s\u2019en occupe désormais.",
  "transfer.assigned":
    "<@{actor}> a attribué ce ticket à <@{user}>, qui s\u2019en occupe désormais.",
  "transfer.audit": "<@{actor}> a confié le ticket #{number} à <@{user}>",
  "move.same": "Ce ticket est déjà du type « {type} ».",
  "move.unknown":
    "Il n\u2019y a pas de type de ticket de ce nom ici. Choisissez-en un dans la liste.",
  "move.other_mode":
    "Seuls les tickets dans des salons peuvent être déplacés, et seulement vers un type dont les tickets sont des salons : « {type} » garde ses tickets sous forme de {mode, select, thread {fils} other {salons}}. Choisissez un autre type.",
  "move.no_category":
    "Le type « {type} » n\u2019a pas encore de catégorie. Demandez à un admin d\u2019en choisir une avec `/type set category`.",
  "move.category_missing":
    "La catégorie du type « {type} » n\u2019existe plus. Demandez à un admin d\u2019en choisir une autre avec `/type set category`.",
  "move.changed": "Ce ticket vient de changer. Réessayez.",
  "move.moved":
    "<@{user}> a déplacé ce ticket vers « {type} ».{released, select, yes { <@{claimer}> ne fait pas partie de l\u2019équipe de ce type, le ticket peut donc de nouveau être pris en charge.} other {}}",
  "move.audit": "<@{user}> a déplacé le ticket #{number} de « {from} » vers « {to} »",
  "priority.low": "Basse",
  "priority.normal": "Normale",
  "priority.high": "Haute",
  "priority.urgent": "Urgente",
  "priority.choose": "Choisissez basse, normale, haute ou urgente.",
  "priority.same": "La priorité de ce ticket est déjà {priority}.",
  "priority.set": "<@{user}> a mis la priorité de ce ticket à **{priority}**.",
  "priority.audit": "<@{user}> a mis la priorité du ticket #{number} à {priority}",
  "summary.priority": "Priorité",
} as const;
