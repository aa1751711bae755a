/** Français : tickets en mode fil et notes de l'équipe. */
export const threads = {
  "thread.parent_missing":
    "Ce type de ticket ouvre des fils privés, mais son salon parent n\u2019est pas défini ou n\u2019existe plus. Demandez à un administrateur d\u2019exécuter `/type set setting:parent_channel`.",
  "thread.missing_permissions":
    "Je ne peux pas ouvrir votre ticket en fil privé dans <#{parent}> : il me manque {list} dans ce salon. Demandez à un administrateur d\u2019accorder {count, plural, one {cette permission} other {ces permissions}} à mon rôle dans ce salon.",
  "notes.missing_permissions":
    "Je ne peux pas ouvrir de fil privé de l\u2019équipe dans ce ticket : il me manque {list} ici. Demandez à un administrateur d\u2019accorder {count, plural, one {cette permission} other {ces permissions}} à mon rôle.",
  "notes.not_staff": "Seule l\u2019équipe de ce type de ticket peut utiliser ses notes.",
  "notes.opened":
    "Notes de l\u2019équipe pour le ticket #{number} : <#{thread}>. Seule l\u2019équipe les voit ; la personne qui a ouvert le ticket, jamais.",
  "notes.linked": "Les notes de l\u2019équipe du ticket #{number} sont dans <#{thread}>.",
  "notes.thread_name": "Notes de l\u2019équipe #{number}",
  "notes.thread_welcome":
    "Notes de l\u2019équipe du ticket #{number}. Ce qui est écrit ici reste dans la transcription de l\u2019équipe et n\u2019est jamais montré à la personne qui a ouvert le ticket.",
  "notes.added": "Note enregistrée sur le ticket #{number}. Seule l\u2019équipe peut la lire.",
  "notes.none":
    "Le ticket #{number} n\u2019a pas encore de notes. Ajoutez-en une avec `/ticket notes text:\u2026`.",
  "notes.title": "Notes de l\u2019équipe du ticket #{number}",
  "notes.more":
    "\u2026et {count, plural, one {# note plus ancienne} other {# notes plus anciennes}} dans la transcription de l\u2019équipe.",
  "notes.transcript_title": "Notes de l\u2019équipe · ticket #{number}",
};
