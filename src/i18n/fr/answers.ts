/** Français : réponses de `/config show`, `/config set language`, `/panel` et des commandes de ticket. */
export const answers = {
  "config.not_admin":
    "Seuls les membres ayant la permission Gérer le serveur peuvent voir les réglages des tickets.",
  "config.title": "Réglages des tickets",
  "config.category": "Catégorie",
  "config.staff_roles": "Rôles de l\u2019équipe",
  "config.log_channel": "Salon de journal",
  "config.max_open": "Tickets ouverts par membre",
  "config.naming": "Noms des salons",
  "config.transcript_dm": "Transcription en message privé",
  "config.openers_may_add": "Les auteurs peuvent ajouter des membres",
  "config.question": "Question avant l\u2019ouverture",
  "config.welcome": "Texte d\u2019accueil",
  "config.default_welcome": "{text} (par défaut)",
  "config.language": "Langue",
  "config.access": "Qui peut faire quoi",
  "config.not_set": "non défini",
  "config.none": "aucun",
  "config.on": "activé",
  "config.off": "désactivé",
  "config.language_not_admin":
    "Seuls les membres ayant la permission Gérer le serveur peuvent changer la langue du serveur.",
  "config.language_invalid": "Choisissez l\u2019une des langues proposées.",
  "config.language_set": "Les messages publics de ce serveur sont désormais en {language}.",
  "config.language_audit": "<@{user}> a réglé la langue du serveur sur {language}",
  "access.action": "action",
  "access.admin": "admin",
  "access.staff": "équipe",
  "access.opener": "auteur",
  "access.member": "membre",
  "access.yes": "oui",
  "access.no": "-",
  "access.if_allowed": "si autorisé",
  "panel.not_admin":
    "Seuls les membres ayant la permission Gérer le serveur peuvent publier un panneau.",
  "panel.not_configured":
    "Les tickets ne sont pas encore configurés. Lancez d\u2019abord `/setup`.",
  "panel.not_text": "Un panneau ne peut être publié que dans un salon textuel de ce serveur.",
  "panel.default_title": "Assistance",
  "panel.default_description":
    "Besoin d\u2019aide ? Appuyez sur le bouton ci-dessous pour ouvrir un ticket privé avec l\u2019équipe.",
  "panel.default_label": "Créer un ticket",
  "panel.posted": "Panneau publié dans <#{channel}>.",
  "panel.audit": "<@{user}> a publié un panneau de tickets dans <#{channel}>",
  "members.choose_add": "Choisissez le membre à ajouter.",
  "members.opener_has_access": "Cette personne a ouvert le ticket : elle y a déjà accès.",
  "members.already_in": "<@{user}> est déjà dans ce ticket.",
  "members.not_member": "Cette personne n\u2019est pas membre de ce serveur.",
  "members.added": "<@{actor}> a ajouté <@{user}> à ce ticket.",
  "members.added_audit": "<@{actor}> a ajouté <@{user}> au ticket #{number}",
  "members.choose_remove": "Choisissez le membre à retirer.",
  "members.cannot_remove_opener":
    "La personne qui a ouvert le ticket ne peut pas en être retirée. Fermez plutôt le ticket.",
  "members.cannot_remove_bot": "Cette commande ne peut pas retirer un bot d\u2019un ticket.",
  "members.not_added":
    "<@{user}> n\u2019a pas été ajouté à ce ticket : il n\u2019y a rien à retirer.",
  "members.removed": "<@{actor}> a retiré <@{user}> de ce ticket.",
  "members.removed_audit": "<@{actor}> a retiré <@{user}> du ticket #{number}",
  "claim.you_already": "Vous vous occupez déjà de ce ticket.",
  "claim.other_already":
    "<@{user}> s\u2019occupe déjà de ce ticket et peut le libérer avec `/ticket unclaim`.",
  "claim.someone_already":
    "Quelqu\u2019un s\u2019occupe déjà de ce ticket et peut le libérer avec `/ticket unclaim`.",
  "claim.claimed":
    "<@{user}> s\u2019occupe de ce ticket.{assistant, select, paused { L\u2019assistant est en pause ; l\u2019équipe peut le relancer avec `/ticket assistant on`.} other {}}",
  "claim.audit": "<@{user}> a pris en charge le ticket #{number}",
  "claim.nobody": "Personne n\u2019a pris ce ticket en charge.",
  "claim.changed": "La prise en charge de ce ticket vient de changer. Réessayez.",
  "claim.released":
    "<@{user}> a libéré ce ticket ; il peut être pris en charge.{assistant, select, paused { L\u2019assistant reste en pause ; `/ticket assistant on` le relance.} other {}}",
  "claim.released_audit": "<@{user}> a libéré le ticket #{number}",
  "assistant.choose": "Choisissez `on` ou `off`.",
  "assistant.paused": "<@{user}> a mis l\u2019assistant en pause dans ce ticket.",
  "assistant.resumed": "<@{user}> a relancé l\u2019assistant dans ce ticket.",
  "assistant.not_configured":
    " (Aucun service d\u2019assistant n\u2019est encore configuré sur ce bot : rien n\u2019est transmis dans un cas comme dans l\u2019autre.)",
  "assistant.audit":
    "<@{user}> a {state, select, on {activé} other {désactivé}} l\u2019assistant dans le ticket #{number}",
  "close.question":
    "Fermer le ticket #{number} ? Une transcription est conservée et {place, select, archive {ce fil est archivé et verrouillé} delete {ce fil est supprimé} other {ce salon est supprimé}}.{hasReason, select, yes {\nRaison : {reason}} other {}}",
  "close.confirm": "Fermer le ticket",
  "close.cancel": "Annuler",
  "close.closed": "Le ticket #{number} est fermé.",
  "close.failed":
    "Je n\u2019ai pas pu terminer la fermeture du ticket #{number} : {reason}. Le ticket reste ouvert ; relancez `/ticket close` pour reprendre.",
  "close.cancelled": "Fermeture annulée ; le ticket reste ouvert.",
  "privacy.cannot_make_private":
    "Je ne peux pas rendre {what, select, setup {la catégorie des tickets et le salon de journal privés} other {votre salon de ticket privé}} : il manque à mon rôle {list} sur ce serveur. Demandez à un administrateur d\u2019accorder {count, plural, one {cette permission} other {ces permissions}} à mon rôle dans Paramètres du serveur \u2192 Rôles.",
  "open.could_not_open": "Votre ticket n\u2019a pas pu être ouvert. Veuillez réessayer.",
  "open.save_failed":
    "J\u2019ai créé votre salon de ticket mais je n\u2019ai pas pu enregistrer le ticket, j\u2019ai donc supprimé le salon. Veuillez réessayer dans un instant.",
  "open.category_missing":
    "La catégorie des tickets n\u2019existe plus. Demandez à un administrateur de relancer `/setup`.",
  "open.busy":
    "De nombreux tickets sont en cours d\u2019ouverture. Veuillez réessayer dans une minute.",
} as const;
