/** Français : réponses enregistrées (`/tag ...`) et file d'attente (`/ticket list`). */
export const tags = {
  "tags.not_staff":
    "Seuls l\u2019équipe et les membres avec « Gérer le serveur » peuvent utiliser les réponses enregistrées.",
  "tags.not_staff_here":
    "Seule l\u2019équipe de ce type de ticket peut envoyer des réponses enregistrées ici.",
  "tags.not_a_ticket":
    "Les réponses enregistrées s\u2019envoient dans un ticket. Lancez `/tag send` dans le ticket.",
  "tags.ticket_closed": "Ce ticket est fermé ; on ne peut plus y envoyer de réponses enregistrées.",
  "tags.unknown":
    "Il n\u2019y a pas de réponse enregistrée nommée « {name} ». Consultez `/tag list` pour les noms.",
  "tags.name_taken":
    "Une réponse enregistrée nommée « {name} » existe déjà. Choisissez un autre nom, ou modifiez-la avec `/tag edit`.",
  "tags.name_empty": "Donnez à la réponse enregistrée un nom de 1 à 80 caractères.",
  "tags.content_empty": "Écrivez le texte de la réponse enregistrée.",
  "tags.too_long":
    "Ce texte fait {length} caractères ; une réponse enregistrée en contient au plus {max}. Raccourcissez-le et réessayez.",
  "tags.form_title_new": "Nouvelle réponse enregistrée",
  "tags.form_title_edit": "Modifier « {name} »",
  "tags.name_too_long_to_edit":
    "Le nom de cette réponse enregistrée est trop long pour la modifier ici. Supprimez-la et ajoutez-la de nouveau avec un nom plus court.",
  "tags.form_name": "Nom",
  "tags.form_content": "Texte",
  "tags.form_content_hint": "Variables : {opener} {staff} {number}",
  "tags.created":
    "Réponse enregistrée « {name} » ajoutée. Envoyez-la dans un ticket avec `/tag send`.",
  "tags.edited": "Réponse enregistrée « {name} » modifiée.",
  "tags.deleted": "Réponse enregistrée « {name} » supprimée.",
  "tags.created_audit": "<@{user}> a ajouté la réponse enregistrée « {name} »",
  "tags.edited_audit": "<@{user}> a modifié la réponse enregistrée « {name} »",
  "tags.deleted_audit": "<@{user}> a supprimé la réponse enregistrée « {name} »",
  "tags.sent_audit":
    "<@{user}> a envoyé la réponse enregistrée « {name} » dans le ticket #{number}",
  "tags.list_title": "Réponses enregistrées",
  "tags.list_empty":
    "Il n\u2019y a pas encore de réponse enregistrée. Ajoutez-en une avec `/tag create`.",
  "tags.list_line": "**{name}** : {preview}",
  "queue.not_staff": "Seule l\u2019équipe peut voir la file d\u2019attente des tickets ouverts.",
  "queue.unknown_filter": "Choisissez l\u2019un des filtres proposés.",
  "queue.title":
    "Tickets ouverts : {filter, select, mine {pris en charge par vous} unclaimed {non pris en charge} waiting_staff {en attente de l\u2019équipe} waiting_member {en attente du membre} other {tous}}",
  "queue.empty": "Aucun ticket ouvert ne correspond à ce filtre.",
  "queue.line":
    "**#{number}**{link} · {type} · ouvert {age} · {waiting, select, staff {attend l\u2019équipe} member {attend le membre} other {aucun message pour l\u2019instant}} · {claimed, select, yes {pris en charge par <@{claimer}>} other {non pris en charge}} · {priority, select, low {basse} high {haute} urgent {urgente} other {normale}}",
  "queue.page": "Page {page} sur {pages} · {count, plural, one {# ticket} other {# tickets}}",
  "queue.previous": "Précédent",
  "queue.next": "Suivant",
} as const;
