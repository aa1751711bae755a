/** Français : ce que disent les minuteries d'un ticket, l'avertissement de fermeture automatique et la demande de fermeture. */
export const timers = {
  "timers.auto_close_warning":
    "<@{user}> nous n\u2019avons pas eu de vos nouvelles ici depuis {hours, plural, one {# heure} other {# heures}}. Ce ticket se ferme tout seul dans {closeHours, plural, one {# heure} other {# heures}} si vous n\u2019y écrivez pas.",
  "close_request.question":
    "<@{user}> <@{staff}> pense que ce ticket peut être fermé.{hasReason, select, yes {\nRaison : {reason}} other {}}\nAppuyez sur **Accepter** pour le fermer, ou sur **Garder ouvert** si vous avez encore besoin d\u2019aide. Sans réponse, il se ferme tout seul dans {hours, plural, one {# heure} other {# heures}}.",
  "close_request.accept": "Accepter",
  "close_request.keep_open": "Garder ouvert",
  "close_request.kept_open": "<@{user}> a gardé ce ticket ouvert.",
  "close_request.not_staff": "Seule l\u2019équipe peut demander la fermeture d\u2019un ticket.",
  "close_request.only_opener":
    "Seule la personne qui a ouvert ce ticket peut répondre à cette demande de fermeture.",
  "close_request.expired":
    "Cette demande de fermeture a expiré. L\u2019équipe peut la refaire avec `/ticket close-request`.",
  "close_request.audit":
    "<@{user}> a demandé à l\u2019auteur du ticket #{number} de confirmer sa fermeture",
} as const;
