/** Français : ce que lit un membre quand Discord a refusé une requête, et les raisons. */
export const failures = {
  "failure.missing_permissions":
    "{doing, select, create_channel {Il me manque une permission pour créer votre salon de ticket} other {Il me manque une permission ici}} (Gérer les salons / Gérer les rôles / Voir les salons). Demandez à un admin d’exécuter `ticketeer check` ou de corriger mon rôle.",
  "failure.unknown_channel": "Ce salon n’existe plus.",
  "failure.unknown_member": "Cette personne n’est pas membre de ce serveur.",
  "failure.unknown_role": "Ce rôle n’existe plus.",
  "failure.unknown_message": "Ce message n’existe plus.",
  "failure.guild_channel_limit":
    "Ce serveur a atteint la limite de Discord de 500 salons. Demandez à un admin d’en supprimer.",
  "failure.category_full":
    "Cette catégorie contient déjà le maximum de 50 salons permis par Discord. Demandez à un admin d’en choisir une autre.",
  "failure.cannot_dm": "Ce membre n’accepte pas mes messages privés.",
  "failure.rate_limited":
    "Discord m’a demandé de ralentir. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.",
  "failure.unavailable": "Discord ne répond pas pour l’instant. Réessayez dans une minute.",
  "reason.missing_permissions":
    "il manque au bot une permission dans {where} ; donnez-lui Voir les salons, Envoyer des messages, Joindre des fichiers et Gérer les salons",
  "reason.missing_access": "le bot ne voit pas {where} ; donnez-lui Voir les salons",
  "reason.log_channel_gone":
    "le salon de journal n’existe plus ; choisissez-en un autre avec `/config set`",
  "reason.gone": "{where} n’existe plus",
  "reason.refused": "Discord a refusé une requête pour {where} ({kind})",
  "reason.cannot_dm": "l’auteur du ticket n’accepte pas les messages privés",
  "reason.rate_limited": "Discord limite le débit du bot ; attendez une minute",
  "reason.unavailable": "Discord ne répond pas pour l’instant ; réessayez dans quelques minutes",
  "apology":
    "Un problème est survenu de notre côté. Réessayez ; si cela se reproduit, donnez à l’équipe ce code d’erreur : {errorId}.",
  "unknown_component":
    "Ce bouton ou cette commande n’est plus utilisé. S’il vient d’un ancien message, utilisez `/ticket new` ou un panneau récent.",
} as const;
