/** Français : `/config export`, `/config import` et ses boutons Appliquer et Annuler. */
export const configFile = {
  "config_file.not_admin":
    "Seuls les membres ayant « Gérer le serveur » peuvent exporter ou importer la configuration des tickets.",
  "config_file.exported":
    "La configuration des tickets de ce serveur. Modifiez le fichier puis chargez-le avec `/config import`.",
  "config_file.no_file": "Joignez le fichier de configuration (YAML) dans l\u2019option « file ».",
  "config_file.too_large":
    "Ce fichier dépasse {max} Ko. Joignez le fichier que `/config export` vous a donné, modifié selon vos besoins.",
  "config_file.unreadable": "Je n\u2019ai pas pu télécharger ce fichier. Joignez-le à nouveau.",
  "config_file.invalid":
    "Rien n\u2019a été modifié : le fichier a {count, plural, one {# problème} other {# problèmes}}.\n{problems}",
  "config_file.no_changes":
    "Aucune modification : le fichier correspond à la configuration de ce serveur.",
  "config_file.preview":
    "Appliquer ce fichier apporte {count, plural, one {# modification} other {# modifications}} :\n{changes}",
  "config_file.not_text":
    "Le fichier n\u2019est pas du texte (UTF-8). Joignez le fichier YAML que `/config export` vous a donné.",
  "config_file.apply": "Appliquer",
  "config_file.cancel": "Annuler",
  "config_file.not_pending":
    "Cet import n\u2019est plus en attente : il a été appliqué, annulé ou remplacé par un plus récent. Relancez `/config import`.",
  "config_file.not_asker":
    "Seul le membre qui a lancé cet import peut l\u2019appliquer ou l\u2019annuler.",
  "config_file.changed_since":
    "La configuration a changé après cet aperçu, donc rien n\u2019a été appliqué. Relancez `/config import` pour voir les modifications telles qu\u2019elles sont maintenant.",
  "config_file.applied":
    "{count, plural, one {# modification appliquée} other {# modifications appliquées}}.{tickets, plural, =0 {} one { Permissions de # ticket ouvert mises à jour.} other { Permissions de # tickets ouverts mises à jour.}}{panels, plural, =0 {} one { # panneau publié modifié.} other { # panneaux publiés modifiés.}}",
  "config_file.panels_gone":
    "{count, plural, one {Le message de # panneau a disparu} other {Les messages de # panneaux ont disparu}} de Discord ; oubliez-{count, plural, one {le} other {les}} avec `/panel delete`.",
  "config_file.cancelled": "Import annulé ; rien n\u2019a été modifié.",
  "config_file.audit":
    "<@{user}> a importé un fichier de configuration ({count, plural, one {# modification} other {# modifications}})",
  "config_file.change_set": "`{path}` : {before} \u2192 {after}",
  "config_file.type_added": "nouveau type « {name} »",
  "config_file.type_removed": "le type « {name} » est supprimé",
  "config_file.tag_added": "nouveau tag « {name} »",
  "config_file.tag_changed": "le tag « {name} » change",
  "config_file.tag_removed": "le tag « {name} » est supprimé",
  "config_file.panel_kept":
    "le panneau de <#{channel}> (message {message}) n\u2019est pas dans le fichier : il reste tel quel",
  "config_file.more": "\u2026et {count} de plus",
} as const;
