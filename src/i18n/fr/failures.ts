/** Français : ce que lit un membre quand Discord a refusé une requête, et les raisons. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {Il me manque une permission pour créer votre salon de ticket} other {Il me manque une permission ici}} (Gérer les salons / Gérer les rôles / Voir les salons). Demandez à un admin d\u2019exécuter `ticketeer check` ou de corriger mon rôle.",
  "failure.unknown_channel": "Ce salon n\u2019existe plus.",
  "failure.unknown_member": "Cette personne n\u2019est pas membre de ce serveur.",
  "failure.unknown_role": "Ce rôle n\u2019existe plus.",
  "failure.unknown_message": "Ce message n\u2019existe plus.",
  "failure.guild_channel_limit":
    "Ce serveur a atteint la limite de Discord de 500 salons. Demandez à un admin d\u2019en supprimer.",
  "failure.category_full":
    "Cette catégorie contient déjà le maximum de 50 salons permis par Discord. Demandez à un admin d\u2019en choisir une autre.",
  "failure.cannot_dm": "Ce membre n\u2019accepte pas mes messages privés.",
  "failure.rate_limited":
    "Discord m\u2019a demandé de ralentir. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.",
  "failure.unavailable": "Discord ne répond pas pour l\u2019instant. Réessayez dans une minute.",
  "reason.missing_permissions":
    "il manque au bot une permission dans {where} ; donnez-lui Voir les salons, Envoyer des messages, Joindre des fichiers et Gérer les salons",
  "reason.missing_access": "le bot ne voit pas {where} ; donnez-lui Voir les salons",
  "reason.log_channel_gone":
    "le salon de journal n\u2019existe plus ; choisissez-en un autre avec `/config set`",
  "reason.gone": "{where} n\u2019existe plus",
  "reason.refused": "Discord a refusé une requête pour {where} ({kind})",
  "reason.cannot_dm": "l\u2019auteur du ticket n\u2019accepte pas les messages privés",
  "reason.rate_limited": "Discord limite le débit du bot ; attendez une minute",
  "reason.unavailable":
    "Discord ne répond pas pour l\u2019instant ; réessayez dans quelques minutes",
  "apology":
    "Un problème est survenu de notre côté. Réessayez ; si cela se reproduit, donnez à l\u2019équipe ce code d\u2019erreur : {errorId}.",
  "unknown_component":
    "Ce bouton ou cette commande n\u2019est plus utilisé. S\u2019il vient d\u2019un ancien message, utilisez `/ticket new` ou un panneau récent.",
} as const;
