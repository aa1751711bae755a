/** Français : en-tête de la transcription, raisons d'une fermeture interrompue, et réouverture. */
export const closeReopen = {
  "transcript.header.title":
    "Ticket #{number} · {type}{sequence, plural, =1 {} other { · transcription #}}",
  "close.type_fallback": "Ticket",
  "close.where.channel": "le salon de ce ticket",
  "close.where.database": "la base de données",
  "close.where.log_channel": "le salon de logs",
  "close.where.dm": "les messages privés de l\u2019auteur",
  "close.reason.our_side": "un problème est survenu de notre côté (voir le journal du bot)",
  "close.reason.busy":
    "une autre fermeture de ce ticket est encore en cours ; attendez quelques minutes",
  "close.reason.kept_channel":
    "la transcription contient {count} messages alors que {archived} ont été enregistrés, le salon a donc été conservé ; fermez à nouveau pour créer une nouvelle transcription",
  "close.reason.transcript_missing": "la transcription enregistrée est introuvable",
  "close.audit_reason": "Ticket #{number} fermé",
  "reopen.button": "Rouvrir",
  "reopen.not_found":
    "Ce serveur n\u2019a pas de ticket #{number}. Vérifiez le numéro dans le résumé du ticket dans le salon de logs.",
  "reopen.not_staff":
    "Seule l\u2019équipe de ce type de ticket, ou les membres ayant « Gérer le serveur », peuvent le rouvrir.",
  "reopen.still_open": "Le ticket #{number} est encore ouvert : il n\u2019y a rien à rouvrir.",
  "reopen.closing":
    "Le ticket #{number} est encore en cours de fermeture. Lancez `/ticket close` dans son salon pour terminer la fermeture, puis rouvrez-le.",
  "reopen.expired":
    "Le ticket #{number} ne peut pas être rouvert : ses données ont été supprimées à la fin de la durée de conservation de son type.",
  "reopen.no_transcript":
    "Le ticket #{number} ne peut pas être rouvert : sa transcription n\u2019est plus conservée.",
  "reopen.busy": "Le ticket #{number} est en train d\u2019être rouvert. Réessayez dans un instant.",
  "reopen.reopened": "Le ticket #{number} est de nouveau ouvert : <#{channel}>",
  "reopen.previous":
    "Transcription de ce ticket jusqu\u2019à sa fermeture le {when} ({messages, plural, one {# message} other {# messages}}) :",
  "reopen.notice": "<@{user}> a rouvert ce ticket.",
  "reopen.audit": "<@{user}> a rouvert le ticket #{number} dans <#{channel}>",
  "reopen.topic": "Ticket #{number}, rouvert",
  "reopen.type_deleted":
    "Le ticket #{number} ne peut pas être rouvert : son type a été supprimé. Ouvrez plutôt un nouveau ticket.",
  "reopen.close": "Fermer",
  "reopen.claim": "Prendre en charge",
} as const;
