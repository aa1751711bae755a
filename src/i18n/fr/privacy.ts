/** Français : réponses de `/privacy erase` et `/privacy mydata`, et la copie envoyée en MP. */
export const privacy = {
  "privacy.erase_not_admin":
    "Seuls les membres ayant « Gérer le serveur » peuvent effacer les données d\u2019un membre.",
  "privacy.erase_choose": "Choisissez le membre dont les propos doivent être effacés.",
  "privacy.erase_question":
    "Effacer tout ce que <@{user}> a écrit dans les tickets de ce serveur ? Ses messages, pièces jointes, sujets et réponses deviennent « [removed] » dans les archives et les transcriptions ; les nombres, les dates et le journal d\u2019audit restent. C\u2019est irréversible.",
  "privacy.erase_confirm": "Effacer",
  "privacy.erase_cancel": "Annuler",
  "privacy.erase_cancelled": "Rien n\u2019a été effacé.",
  "privacy.erase_not_asker":
    "Seul l\u2019admin qui a fait la demande peut confirmer. Pour effacer vous-même les données d\u2019un membre, lancez `/privacy erase`.",
  "privacy.erase_done":
    "Les propos de <@{user}> sont effacés : {messages, plural, one {# message} other {# messages}} dans {tickets, plural, one {# ticket} other {# tickets}} ; {transcripts, plural, one {# transcription refaite} other {# transcriptions refaites}}.",
  "privacy.erase_audit": "<@{actor}> a effacé des tickets les propos de <@{user}>",
  "privacy.mydata_sent":
    "Je vous ai envoyé vos données en message privé : {tickets, plural, one {# ticket ouvert} other {# tickets ouverts}} par vous et {messages, plural, one {# message écrit} other {# messages écrits}} par vous.",
  "privacy.mydata_dm_closed":
    "Je ne peux pas vous envoyer de message privé. Autorisez les messages privés des membres de ce serveur (paramètres de confidentialité du serveur), puis relancez `/privacy mydata`.",
  "privacy.mydata_wait":
    "Vous pouvez demander vos données une fois par jour. Réessayez {relative} ({exact}).",
  "privacy.mydata_too_large":
    "Vos données sont trop volumineuses pour un message privé. Demandez à un admin de ce serveur de les faire exporter pour vous par l\u2019opérateur du bot.",
  "privacy.mydata_dm":
    "Vos données sur le serveur d\u2019ID {guild} : les tickets que vous avez ouverts et les messages que vous y avez écrits, dans un fichier JSON.",
} as const;
