/** Português (Brasil): tickets em modo tópico e notas da equipe. */
export const threads = {
  "thread.parent_missing":
    "Este tipo de ticket abre tópicos privados, mas o canal principal dele não está definido ou não existe mais. Peça a um administrador para executar `/type set setting:parent_channel`.",
  "thread.missing_permissions":
    "Não consigo abrir o seu ticket como tópico privado em <#{parent}>: falta {list} para mim nesse canal. Peça a um administrador para dar ao meu cargo {count, plural, one {essa permissão} other {essas permissões}} nesse canal.",
  "notes.missing_permissions":
    "Não consigo abrir um tópico privado da equipe neste ticket: falta {list} para mim aqui. Peça a um administrador para dar ao meu cargo {count, plural, one {essa permissão} other {essas permissões}}.",
  "notes.not_staff": "Só a equipe deste tipo de ticket pode usar as notas dele.",
  "notes.opened":
    "Notas da equipe do ticket #{number}: <#{thread}>. Só a equipe vê; quem abriu o ticket, nunca.",
  "notes.linked": "As notas da equipe do ticket #{number} estão em <#{thread}>.",
  "notes.thread_name": "Notas da equipe #{number}",
  "notes.thread_welcome":
    "Notas da equipe do ticket #{number}. O que for escrito aqui fica na transcrição da equipe e nunca é mostrado a quem abriu o ticket.",
  "notes.added": "Nota guardada no ticket #{number}. Só a equipe pode lê-la.",
  "notes.none":
    "O ticket #{number} ainda não tem notas. Adicione uma com `/ticket notes text:\u2026`.",
  "notes.title": "Notas da equipe do ticket #{number}",
  "notes.more":
    "\u2026e {count, plural, one {# nota mais antiga} other {# notas mais antigas}} na transcrição da equipe.",
  "notes.transcript_title": "Notas da equipe · ticket #{number}",
};
