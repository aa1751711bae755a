/** Français : types de ticket, leurs limites, `/type ...` et `/panel ...`. */
export const types = {
  "types.cap_reached":
    "Ce type de ticket est complet : {cap, plural, one {# ticket est ouvert} other {# tickets sont ouverts}}, le maximum autorisé. Réessayez quand l\u2019un d\u2019eux sera fermé.",
  "types.cooling_down": "Vous en avez ouvert un récemment. Vous pourrez en ouvrir un autre {at}.",
  "types.not_admin":
    "Seuls les membres ayant « Gérer le serveur » peuvent modifier les types de ticket.",
  "types.unknown":
    "Ce type de ticket n\u2019existe pas ici. Choisissez-en un dans la liste, ou consultez `/type list`.",
  "types.unknown_setting": "Choisissez un réglage dans la liste.",
  "types.invalid": "Cela ne respecte pas les règles d\u2019un type de ticket : {problems}",
  "types.expected": "La valeur de {setting} doit être {form}.",
  "types.name_taken": "Un type de ticket nommé « {name} » existe déjà. Choisissez un autre nom.",
  "types.too_many":
    "Ce serveur a déjà le nombre maximal de types de ticket ({max}). Supprimez-en un d\u2019abord.",
  "types.is_default":
    "« {name} » est le type par défaut et ne peut pas être supprimé. Modifiez-le plutôt avec `/type set`.",
  "types.has_tickets":
    "« {name} » a encore {count, plural, one {# ticket ouvert} other {# tickets ouverts}}. Fermez-{count, plural, one {le} other {les}} d\u2019abord, puis supprimez le type.",
  "types.created": "Type de ticket « {name} » ajouté. Modifiez ses réglages avec `/type set`.",
  "types.created_audit": "<@{user}> a ajouté le type de ticket « {name} »",
  "types.deleted": "Type de ticket « {name} » supprimé.",
  "types.deleted_audit": "<@{user}> a supprimé le type de ticket « {name} »",
  "types.set": "{setting} de « {name} » modifié.",
  "types.set_audit": "<@{user}> a modifié {setting} du type de ticket « {name} »",
  "types.list_title": "Types de ticket",
  "types.list_line":
    "**{name}**{marker} : équipe {staff}, jusqu\u2019à {limit} ouverts par membre, {questions, plural, =0 {aucune question} one {# question} other {# questions}}",
  "types.default_marker": " (par défaut)",
  "types.form.name": "un nom de 1 à 100 caractères",
  "types.form.emoji": "un emoji, ou none",
  "types.form.description": "une ligne de texte, ou none",
  "types.form.category": "une catégorie (son identifiant), ou none",
  "types.form.mode": "channel ou thread",
  "types.form.parent_channel": "un salon (#mention ou identifiant), ou none",
  "types.form.staff_roles": "des rôles (@mentions ou identifiants), ou none",
  "types.form.naming_scheme":
    "un modèle de nom de salon avec les jetons number, username ou user_id entre accolades",
  "types.form.welcome_text": "un texte, ou none",
  "types.form.questions":
    "des champs séparés par ;, par exemple Numéro de commande; Détails (paragraph) [optional]; Appareil (choice: Téléphone, Portable), ou none",
  "types.form.max_open": "un nombre entier de 1 à 100",
  "types.form.total_cap": "un nombre entier, ou none",
  "types.form.cooldown_minutes": "des minutes en nombre entier, ou none",
  "types.form.required_roles": "des rôles (@mentions ou identifiants), ou none",
  "types.form.blocked_roles": "des rôles (@mentions ou identifiants), ou none",
  "types.form.openers_may_add": "on ou off",
  "types.form.claim_mode": "open, hide ou readonly",
  "types.form.support_hours":
    "des jours, des heures et un fuseau horaire comme Mon-Fri 09:00-17:00 Europe/Berlin, puis warn ou block ; ou none",
  "types.form.auto_close": "deux nombres d\u2019heures (avertissement, puis fermeture), ou none",
  "types.form.close_when_opener_leaves": "on ou off",
  "types.form.feedback": "on ou off",
  "types.form.transcript_channel":
    "un salon (#mention ou identifiant), ou none pour le salon de journal",
  "types.form.retention_days": "des jours en nombre entier, ou none pour tout garder",
  "types.form.close_request_timeout_hours": "des heures en nombre entier de 1 à 720",
  "types.form.thread_close": "archive ou delete",
  "panel.unknown_type":
    "Aucun type de ticket nommé « {name} » ici. Consultez les noms avec `/type list`.",
  "panel.type_count":
    "Un panneau propose de 1 à 25 types de ticket. Nommez-en au moins un qui existe.",
  "panel.unknown_panel":
    "Ce panneau n\u2019existe pas ici. Choisissez-en un dans la liste, ou consultez `/panel list`.",
  "panel.message_gone":
    "Le message du panneau a disparu de Discord. Supprimez le panneau avec `/panel delete` et publiez-en un nouveau.",
  "panel.edited": "Le panneau de <#{channel}> a été modifié.",
  "panel.edited_audit": "<@{user}> a modifié le panneau de tickets de <#{channel}>",
  "panel.deleted": "Le panneau de <#{channel}> a été supprimé.",
  "panel.deleted_audit": "<@{user}> a supprimé le panneau de tickets de <#{channel}>",
  "panel.none": "Aucun panneau n\u2019est encore publié. Publiez-en un avec `/panel create`.",
  "panel.list_title": "Panneaux",
  "panel.list_line":
    "**{title}** (panneau {id}) dans <#{channel}> : {count, plural, one {# type} other {# types}}, {style}",
};
