/** Français : tickets en mode fil et notes de l’équipe. */
export const threads = {
  "thread.parent_missing":
    "Ce type de ticket ouvre des fils privés, mais son salon parent n’est pas défini ou n’existe plus. Demandez à un administrateur d’exécuter `/type set setting:parent_channel`.",
  "thread.missing_permissions":
    "Je ne peux pas ouvrir votre ticket en fil privé dans <#{parent}> : il me manque {list} dans ce salon. Demandez à un administrateur d’accorder {count, plural, one {cette permission} other {ces permissions}} à mon rôle dans ce salon.",
  "notes.missing_permissions":
    "Je ne peux pas ouvrir de fil privé de l’équipe dans ce ticket : il me manque {list} ici. Demandez à un administrateur d’accorder {count, plural, one {cette permission} other {ces permissions}} à mon rôle.",
  "notes.not_staff": "Seule l’équipe de ce type de ticket peut utiliser ses notes.",
  "notes.opened":
    "Notes de l’équipe pour le ticket #{number} : <#{thread}>. Seule l’équipe les voit ; la personne qui a ouvert le ticket, jamais.",
  "notes.linked": "Les notes de l’équipe du ticket #{number} sont dans <#{thread}>.",
  "notes.thread_name": "Notes de l’équipe #{number}",
  "notes.thread_welcome":
    "Notes de l’équipe du ticket #{number}. Ce qui est écrit ici reste dans la transcription de l’équipe et n’est jamais montré à la personne qui a ouvert le ticket.",
  "notes.added": "Note enregistrée sur le ticket #{number}. Seule l’équipe peut la lire.",
  "notes.none":
    "Le ticket #{number} n’a pas encore de notes. Ajoutez-en une avec `/ticket notes text:…`.",
  "notes.title": "Notes de l’équipe du ticket #{number}",
  "notes.more":
    "…et {count, plural, one {# note plus ancienne} other {# notes plus anciennes}} dans la transcription de l’équipe.",
  "notes.transcript_title": "Notes de l’équipe · ticket #{number}",
};
