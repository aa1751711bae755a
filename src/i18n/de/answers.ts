/** Deutsch: Antworten von `/config show`, `/config set language`, `/panel` und den Ticket-Befehlen. */
export const answers = {
  "config.not_admin":
    "Nur Mitglieder mit \u201EServer verwalten\u201C können die Ticket-Einstellungen sehen.",
  "config.title": "Ticket-Einstellungen",
  "config.category": "Kategorie",
  "config.staff_roles": "Team-Rollen",
  "config.log_channel": "Log-Kanal",
  "config.max_open": "Offene Tickets pro Mitglied",
  "config.naming": "Kanalnamen",
  "config.transcript_dm": "Protokoll per Direktnachricht",
  "config.openers_may_add": "Ersteller dürfen Mitglieder hinzufügen",
  "config.question": "Frage vor dem Eröffnen",
  "config.welcome": "Begrüßungstext",
  "config.default_welcome": "{text} (Standard)",
  "config.language": "Sprache",
  "config.access": "Wer darf was",
  "config.not_set": "nicht festgelegt",
  "config.none": "keine",
  "config.on": "an",
  "config.off": "aus",
  "config.language_not_admin":
    "Nur Mitglieder mit \u201EServer verwalten\u201C können die Sprache des Servers ändern.",
  "config.language_invalid": "Wähle eine der aufgeführten Sprachen.",
  "config.language_set": "Öffentliche Nachrichten in diesem Server sind jetzt auf {language}.",
  "config.language_audit": "<@{user}> hat die Sprache des Servers auf {language} gestellt",
  "access.action": "Aktion",
  "access.admin": "Admin",
  "access.staff": "Team",
  "access.opener": "Ersteller",
  "access.member": "Mitglied",
  "access.yes": "ja",
  "access.no": "-",
  "access.if_allowed": "wenn erlaubt",
  "panel.not_admin": "Nur Mitglieder mit \u201EServer verwalten\u201C können ein Panel posten.",
  "panel.not_configured": "Tickets sind noch nicht eingerichtet. Führe zuerst `/setup` aus.",
  "panel.not_text": "Ein Panel kann nur in einem Textkanal dieses Servers gepostet werden.",
  "panel.default_title": "Support",
  "panel.default_description":
    "Brauchst du Hilfe? Klick auf den Button unten, um ein privates Ticket beim Team zu eröffnen.",
  "panel.default_label": "Ticket erstellen",
  "panel.posted": "Panel in <#{channel}> gepostet.",
  "panel.audit": "<@{user}> hat in <#{channel}> ein Ticket-Panel gepostet",
  "members.choose_add": "Wähle das Mitglied, das du hinzufügen möchtest.",
  "members.opener_has_access": "Diese Person hat das Ticket eröffnet und hat schon Zugriff.",
  "members.already_in": "<@{user}> ist schon in diesem Ticket.",
  "members.not_member": "Diese Person ist kein Mitglied dieses Servers.",
  "members.added": "<@{actor}> hat <@{user}> zu diesem Ticket hinzugefügt.",
  "members.added_audit": "<@{actor}> hat <@{user}> zu Ticket #{number} hinzugefügt",
  "members.choose_remove": "Wähle das Mitglied, das du entfernen möchtest.",
  "members.cannot_remove_opener":
    "Wer das Ticket eröffnet hat, kann nicht entfernt werden. Schließe stattdessen das Ticket.",
  "members.cannot_remove_bot":
    "Bots können mit diesem Befehl nicht aus einem Ticket entfernt werden.",
  "members.not_added":
    "<@{user}> wurde nicht zu diesem Ticket hinzugefügt, es gibt also nichts zu entfernen.",
  "members.removed": "<@{actor}> hat <@{user}> aus diesem Ticket entfernt.",
  "members.removed_audit": "<@{actor}> hat <@{user}> aus Ticket #{number} entfernt",
  "claim.you_already": "Du kümmerst dich schon um dieses Ticket.",
  "claim.other_already":
    "<@{user}> kümmert sich schon um dieses Ticket und kann es mit `/ticket unclaim` freigeben.",
  "claim.someone_already":
    "Jemand anderes kümmert sich schon um dieses Ticket und kann es mit `/ticket unclaim` freigeben.",
  "claim.claimed":
    "<@{user}> kümmert sich um dieses Ticket.{assistant, select, paused { Der Assistent ist pausiert; das Team kann ihn mit `/ticket assistant on` fortsetzen.} other {}}",
  "claim.audit": "<@{user}> hat Ticket #{number} übernommen",
  "claim.nobody": "Niemand hat dieses Ticket übernommen.",
  "claim.changed": "Die Übernahme dieses Tickets hat sich gerade geändert. Versuch es noch einmal.",
  "claim.released":
    "<@{user}> hat dieses Ticket freigegeben; es kann wieder übernommen werden.{assistant, select, paused { Der Assistent bleibt pausiert; `/ticket assistant on` setzt ihn fort.} other {}}",
  "claim.released_audit": "<@{user}> hat Ticket #{number} freigegeben",
  "assistant.choose": "Wähle `on` oder `off`.",
  "assistant.paused": "<@{user}> hat den Assistenten in diesem Ticket pausiert.",
  "assistant.resumed": "<@{user}> hat den Assistenten in diesem Ticket fortgesetzt.",
  "assistant.not_configured":
    " (Für diesen Bot ist noch kein Assistenz-Dienst eingerichtet, es wird also ohnehin nichts weitergeleitet.)",
  "assistant.audit":
    "<@{user}> hat den Assistenten in Ticket #{number} {state, select, on {eingeschaltet} other {ausgeschaltet}}",
  "close.question":
    "Ticket #{number} schließen? Ein Protokoll wird aufbewahrt und {place, select, archive {dieser Thread archiviert und gesperrt} delete {dieser Thread gelöscht} other {dieser Kanal gelöscht}}.{hasReason, select, yes {\nGrund: {reason}} other {}}",
  "close.confirm": "Ticket schließen",
  "close.cancel": "Abbrechen",
  "close.closed": "Ticket #{number} ist geschlossen.",
  "close.failed":
    "Ich konnte Ticket #{number} nicht fertig schließen: {reason}. Das Ticket bleibt offen; führe `/ticket close` erneut aus, um fortzufahren.",
  "close.cancelled": "Schließen abgebrochen; das Ticket bleibt offen.",
  "privacy.cannot_make_private":
    "Ich kann {what, select, setup {die Ticket-Kategorie und den Log-Kanal} other {deinen Ticket-Kanal}} nicht privat machen: Meiner Rolle fehlt auf diesem Server {list}. Bitte eine Admin-Person, meiner Rolle {count, plural, one {diese Berechtigung} other {diese Berechtigungen}} unter Servereinstellungen \u2192 Rollen zu geben.",
  "open.could_not_open": "Dein Ticket konnte nicht eröffnet werden. Bitte versuche es noch einmal.",
  "open.save_failed":
    "Ich habe deinen Ticket-Kanal erstellt, konnte das Ticket aber nicht speichern, deshalb habe ich den Kanal wieder entfernt. Bitte versuche es gleich noch einmal.",
  "open.category_missing":
    "Die Ticket-Kategorie gibt es nicht mehr. Bitte eine Admin-Person, `/setup` noch einmal auszuführen.",
  "open.busy":
    "Gerade werden sehr viele Tickets eröffnet. Bitte versuche es in einer Minute noch einmal.",
} as const;
