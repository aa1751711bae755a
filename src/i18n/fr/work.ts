/** Français : trouver le ticket d’une commande et le traiter (transfert, déplacement, priorité). */
export const work = {
  "scope.closed": "Ce ticket est déjà fermé.",
  "scope.closing":
    "Ce ticket est en cours de fermeture. Relance `/ticket close` pour terminer la fermeture.",
  "scope.not_a_ticket":
    "Ce n’est pas un salon de ticket. Lancez cette commande dans le ticket concerné.",
  "scope.stale_button": "Ce bouton appartient à un ticket qui n’existe plus.",
  "scope.add_staff_or_opener":
    "Seuls l’équipe et la personne qui a ouvert ce ticket peuvent ajouter des membres.",
  "scope.remove_staff_or_opener":
    "Seuls l’équipe et la personne qui a ouvert ce ticket peuvent retirer des membres.",
  "scope.add_staff": "Seule l’équipe peut ajouter des membres à ce ticket.",
  "scope.remove_staff": "Seule l’équipe peut retirer des membres de ce ticket.",
  "scope.claim": "Seule l’équipe peut prendre en charge des tickets.",
  "scope.unclaim": "Seule l’équipe peut libérer des tickets.",
  "scope.close": "Seuls l’équipe et la personne qui a ouvert ce ticket peuvent le fermer.",
  "scope.assistant": "Seule l’équipe peut mettre en pause ou relancer l’assistant.",
  "scope.transfer": "Seule l’équipe peut confier un ticket à quelqu’un d’autre.",
  "scope.move": "Seule l’équipe peut déplacer un ticket vers un autre type.",
  "scope.priority": "Seule l’équipe peut changer la priorité d’un ticket.",
  "work.access_failed":
    "Je n’ai pas pu changer qui peut voir ce ticket, donc rien n’a changé. Réessayez dans une minute.",
  "transfer.choose": "Choisissez le membre de l’équipe à qui confier ce ticket.",
  "transfer.bot": "Un bot ne peut pas s’occuper d’un ticket. Choisissez un membre de l’équipe.",
  "transfer.same": "<@{user}> s’occupe déjà de ce ticket.",
  "transfer.not_staff":
    "<@{user}> ne fait pas partie de l’équipe du type « {type} ». Choisissez un membre ayant l’un de ses rôles de l’équipe.",
  "transfer.done": "<@{actor}> a confié ce ticket à <@{user}>, qui s’en occupe désormais.",
  "transfer.assigned": "<@{actor}> a attribué ce ticket à <@{user}>, qui s’en occupe désormais.",
  "transfer.audit": "<@{actor}> a confié le ticket #{number} à <@{user}>",
  "move.same": "Ce ticket est déjà du type « {type} ».",
  "move.unknown": "Il n’y a pas de type de ticket de ce nom ici. Choisissez-en un dans la liste.",
  "move.other_mode":
    "Seuls les tickets dans des salons peuvent être déplacés, et seulement vers un type dont les tickets sont des salons : « {type} » garde ses tickets sous forme de {mode, select, thread {fils} other {salons}}. Choisissez un autre type.",
  "move.no_category":
    "Le type « {type} » n’a pas encore de catégorie. Demandez à un admin d’en choisir une avec `/type set category`.",
  "move.category_missing":
    "La catégorie du type « {type} » n’existe plus. Demandez à un admin d’en choisir une autre avec `/type set category`.",
  "move.changed": "Ce ticket vient de changer. Réessayez.",
  "move.moved":
    "<@{user}> a déplacé ce ticket vers « {type} ».{released, select, yes { <@{claimer}> ne fait pas partie de l’équipe de ce type, le ticket peut donc de nouveau être pris en charge.} other {}}",
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
