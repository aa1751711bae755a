/** Português (Brasil): `/config export`, `/config import` e seus botões Aplicar e Cancelar. */
export const configFile = {
  "config_file.not_admin":
    "Só membros com «Gerenciar servidor» podem exportar ou importar a configuração de tickets.",
  "config_file.exported":
    "A configuração de tickets deste servidor. Altere o arquivo e carregue-o com `/config import`.",
  "config_file.no_file": "Anexe o arquivo de configuração (YAML) na opção «file».",
  "config_file.too_large":
    "Esse arquivo passa de {max} KB. Anexe o arquivo que o `/config export` deu a você, alterado como precisar.",
  "config_file.unreadable": "Não consegui baixar esse arquivo. Anexe-o de novo.",
  "config_file.invalid":
    "Nada foi alterado: o arquivo tem {count, plural, one {# problema} other {# problemas}}.\n{problems}",
  "config_file.no_changes": "Sem alterações: o arquivo corresponde à configuração deste servidor.",
  "config_file.preview":
    "Aplicar este arquivo faz {count, plural, one {# alteração} other {# alterações}}:\n{changes}",
  "config_file.not_text":
    "O arquivo não é texto (UTF-8). Anexe o arquivo YAML que o `/config export` deu a você.",
  "config_file.apply": "Aplicar",
  "config_file.cancel": "Cancelar",
  "config_file.not_pending":
    "Esta importação não está mais pendente: foi aplicada, cancelada ou substituída por uma mais nova. Execute `/config import` de novo.",
  "config_file.not_asker": "Só o membro que começou esta importação pode aplicá-la ou cancelá-la.",
  "config_file.changed_since":
    "A configuração mudou depois desta prévia, então nada foi aplicado. Execute `/config import` de novo para ver as alterações como estão agora.",
  "config_file.applied":
    "{count, plural, one {# alteração aplicada} other {# alterações aplicadas}}.{tickets, plural, =0 {} one { Permissões de # ticket aberto atualizadas.} other { Permissões de # tickets abertos atualizadas.}}{panels, plural, =0 {} one { # painel publicado editado.} other { # painéis publicados editados.}}",
  "config_file.panels_gone":
    "{count, plural, one {A mensagem de # painel sumiu} other {As mensagens de # painéis sumiram}} do Discord; esqueça-{count, plural, one {o} other {os}} com `/panel delete`.",
  "config_file.cancelled": "Importação cancelada; nada foi alterado.",
  "config_file.audit":
    "<@{user}> importou um arquivo de configuração ({count, plural, one {# alteração} other {# alterações}})",
  "config_file.change_set": "`{path}`: {before} \u2192 {after}",
  "config_file.type_added": "novo tipo \u201C{name}\u201D",
  "config_file.type_removed": "o tipo \u201C{name}\u201D é excluído",
  "config_file.tag_added": "nova tag \u201C{name}\u201D",
  "config_file.tag_changed": "a tag \u201C{name}\u201D muda",
  "config_file.tag_removed": "a tag \u201C{name}\u201D é excluída",
  "config_file.panel_kept":
    "o painel em <#{channel}> (mensagem {message}) não está no arquivo: fica como está",
  "config_file.more": "\u2026e mais {count}",
} as const;
