/** English: `/config export`, `/config import` and its Apply and Cancel buttons. */
export const configFile = {
  "config_file.not_admin":
    "Only members with Manage Server can export or import the ticket configuration.",
  "config_file.exported":
    "The ticket configuration of this server. Change the file and load it with `/config import`.",
  "config_file.no_file": "Attach the configuration file (YAML) as the file option.",
  "config_file.too_large":
    "That file is larger than {max} KB. Attach the file `/config export` gave you, changed as you need.",
  "config_file.unreadable": "I could not download that file. Attach it again.",
  "config_file.invalid":
    "Nothing was changed: the file has {count, plural, one {# problem} other {# problems}}.\n{problems}",
  "config_file.no_changes": "No changes: the file matches this server\u2019s configuration.",
  "config_file.preview":
    "Applying this file makes {count, plural, one {# change} other {# changes}}:\n{changes}",
  "config_file.not_text":
    "The file is not text (UTF-8). Attach the YAML file `/config export` gave you.",
  "config_file.apply": "Apply",
  "config_file.cancel": "Cancel",
  "config_file.not_pending":
    "This import is no longer waiting: it was applied, cancelled or replaced by a newer one. Run `/config import` again.",
  "config_file.not_asker": "Only the member who started this import can apply or cancel it.",
  "config_file.changed_since":
    "The configuration changed after this preview, so nothing was applied. Run `/config import` again to see the changes as they are now.",
  "config_file.applied":
    "Applied {count, plural, one {# change} other {# changes}}.{tickets, plural, =0 {} one { Updated the permissions of # open ticket.} other { Updated the permissions of # open tickets.}}{panels, plural, =0 {} one { Edited # posted panel.} other { Edited # posted panels.}}",
  "config_file.panels_gone":
    "{count, plural, one {The message of # panel is} other {The messages of # panels are}} gone from Discord; forget {count, plural, one {it} other {them}} with `/panel delete`.",
  "config_file.cancelled": "Import cancelled; nothing was changed.",
  "config_file.audit":
    "<@{user}> imported a configuration file ({count, plural, one {# change} other {# changes}})",
  "config_file.change_set": "`{path}`: {before} \u2192 {after}",
  "config_file.type_added": "new type \u201C{name}\u201D",
  "config_file.type_removed": "type \u201C{name}\u201D is deleted",
  "config_file.tag_added": "new tag \u201C{name}\u201D",
  "config_file.tag_changed": "tag \u201C{name}\u201D changes",
  "config_file.tag_removed": "tag \u201C{name}\u201D is deleted",
  "config_file.panel_kept":
    "the panel in <#{channel}> (message {message}) is not in the file: it stays as it is",
  "config_file.more": "\u2026and {count} more",
} as const;
