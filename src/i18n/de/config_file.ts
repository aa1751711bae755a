/** Deutsch: `/config export`, `/config import` und seine Buttons "Anwenden" und "Abbrechen". */
export const configFile = {
  "config_file.not_admin":
    "Nur Mitglieder mit \u201EServer verwalten\u201C können die Ticket-Konfiguration exportieren oder importieren.",
  "config_file.exported":
    "Die Ticket-Konfiguration dieses Servers. Ändere die Datei und lade sie mit `/config import`.",
  "config_file.no_file": "Hänge die Konfigurationsdatei (YAML) als Option \u201Efile\u201C an.",
  "config_file.too_large":
    "Diese Datei ist größer als {max} KB. Hänge die Datei an, die dir `/config export` gegeben hat, so geändert, wie du es brauchst.",
  "config_file.unreadable": "Ich konnte diese Datei nicht herunterladen. Hänge sie noch einmal an.",
  "config_file.invalid":
    "Nichts wurde geändert: Die Datei hat {count, plural, one {# Problem} other {# Probleme}}.\n{problems}",
  "config_file.no_changes":
    "Keine Änderungen: Die Datei stimmt mit der Konfiguration dieses Servers überein.",
  "config_file.preview":
    "Diese Datei anzuwenden bringt {count, plural, one {# Änderung} other {# Änderungen}}:\n{changes}",
  "config_file.not_text":
    "Die Datei ist kein Text (UTF-8). Hänge die YAML-Datei an, die dir `/config export` gegeben hat.",
  "config_file.apply": "Anwenden",
  "config_file.cancel": "Abbrechen",
  "config_file.not_pending":
    "Dieser Import wartet nicht mehr: Er wurde angewendet, abgebrochen oder durch einen neueren ersetzt. Führe `/config import` noch einmal aus.",
  "config_file.not_asker":
    "Nur das Mitglied, das diesen Import begonnen hat, kann ihn anwenden oder abbrechen.",
  "config_file.changed_since":
    "Die Konfiguration hat sich nach dieser Vorschau geändert, deshalb wurde nichts angewendet. Führe `/config import` noch einmal aus, um die Änderungen nach dem jetzigen Stand zu sehen.",
  "config_file.applied":
    "{count, plural, one {# Änderung} other {# Änderungen}} angewendet.{tickets, plural, =0 {} one { Berechtigungen von # offenen Ticket aktualisiert.} other { Berechtigungen von # offenen Tickets aktualisiert.}}{panels, plural, =0 {} one { # gepostetes Panel bearbeitet.} other { # gepostete Panels bearbeitet.}}",
  "config_file.panels_gone":
    "{count, plural, one {Die Nachricht von # Panel ist} other {Die Nachrichten von # Panels sind}} auf Discord nicht mehr da; entferne {count, plural, one {es} other {sie}} mit `/panel delete`.",
  "config_file.cancelled": "Import abgebrochen; nichts wurde geändert.",
  "config_file.audit":
    "<@{user}> hat eine Konfigurationsdatei importiert ({count, plural, one {# Änderung} other {# Änderungen}})",
  "config_file.change_set": "`{path}`: {before} \u2192 {after}",
  "config_file.type_added": "neue Art \u201E{name}\u201C",
  "config_file.type_removed": "Art \u201E{name}\u201C wird gelöscht",
  "config_file.tag_added": "neuer Tag \u201E{name}\u201C",
  "config_file.tag_changed": "Tag \u201E{name}\u201C ändert sich",
  "config_file.tag_removed": "Tag \u201E{name}\u201C wird gelöscht",
  "config_file.panel_kept":
    "das Panel in <#{channel}> (Nachricht {message}) steht nicht in der Datei: Es bleibt, wie es ist",
  "config_file.more": "\u2026und {count} weitere",
} as const;
