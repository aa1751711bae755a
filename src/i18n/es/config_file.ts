/** Español: `/config export`, `/config import` y sus botones Aplicar y Cancelar. */
export const configFile = {
  "config_file.not_admin":
    "Solo los miembros con «Gestionar servidor» pueden exportar o importar la configuración de tickets.",
  "config_file.exported":
    "La configuración de tickets de este servidor. Cambia el archivo y cárgalo con `/config import`.",
  "config_file.no_file": "Adjunta el archivo de configuración (YAML) en la opción «file».",
  "config_file.too_large":
    "Ese archivo pasa de {max} KB. Adjunta el archivo que te dio `/config export`, cambiado como necesites.",
  "config_file.unreadable": "No pude descargar ese archivo. Adjúntalo otra vez.",
  "config_file.invalid":
    "No se cambió nada: el archivo tiene {count, plural, one {# problema} other {# problemas}}.\n{problems}",
  "config_file.no_changes":
    "Sin cambios: el archivo coincide con la configuración de este servidor.",
  "config_file.preview":
    "Aplicar este archivo hace {count, plural, one {# cambio} other {# cambios}}:\n{changes}",
  "config_file.not_text":
    "El archivo no es texto (UTF-8). Adjunta el archivo YAML que te dio `/config export`.",
  "config_file.apply": "Aplicar",
  "config_file.cancel": "Cancelar",
  "config_file.not_pending":
    "Esta importación ya no está pendiente: se aplicó, se canceló o la reemplazó otra más reciente. Ejecuta `/config import` otra vez.",
  "config_file.not_asker":
    "Solo el miembro que empezó esta importación puede aplicarla o cancelarla.",
  "config_file.changed_since":
    "La configuración cambió después de esta vista previa, así que no se aplicó nada. Ejecuta `/config import` otra vez para ver los cambios tal como están ahora.",
  "config_file.applied":
    "{count, plural, one {Se aplicó # cambio} other {Se aplicaron # cambios}}.{tickets, plural, =0 {} one { Se actualizaron los permisos de # ticket abierto.} other { Se actualizaron los permisos de # tickets abiertos.}}{panels, plural, =0 {} one { Se editó # panel publicado.} other { Se editaron # paneles publicados.}}",
  "config_file.panels_gone":
    "{count, plural, one {El mensaje de # panel ya no está} other {Los mensajes de # paneles ya no están}} en Discord; olvída{count, plural, one {lo} other {los}} con `/panel delete`.",
  "config_file.cancelled": "Importación cancelada; no se cambió nada.",
  "config_file.audit":
    "<@{user}> importó un archivo de configuración ({count, plural, one {# cambio} other {# cambios}})",
  "config_file.change_set": "`{path}`: {before} \u2192 {after}",
  "config_file.type_added": "nuevo tipo «{name}»",
  "config_file.type_removed": "se elimina el tipo «{name}»",
  "config_file.tag_added": "nueva etiqueta «{name}»",
  "config_file.tag_changed": "cambia la etiqueta «{name}»",
  "config_file.tag_removed": "se elimina la etiqueta «{name}»",
  "config_file.panel_kept":
    "el panel de <#{channel}> (mensaje {message}) no está en el archivo: se queda como está",
  "config_file.more": "\u2026y {count} más",
} as const;
