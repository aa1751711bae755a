/** Português (Brasil): respostas de `/privacy erase` e `/privacy mydata`, e a cópia enviada por MD. */
export const privacy = {
  "privacy.erase_not_admin":
    "Só membros com \u201CGerenciar servidor\u201D podem apagar os dados de um membro.",
  "privacy.erase_choose": "Escolha o membro cujas palavras devem ser apagadas.",
  "privacy.erase_question":
    "Apagar tudo o que <@{user}> escreveu nos tickets deste servidor? As mensagens, anexos, assuntos e respostas viram \u201C[removed]\u201D nos arquivos e nas transcrições; contagens, horários e o registro de auditoria ficam. Isso não pode ser desfeito.",
  "privacy.erase_confirm": "Apagar",
  "privacy.erase_cancel": "Cancelar",
  "privacy.erase_cancelled": "Nada foi apagado.",
  "privacy.erase_not_asker":
    "Só o admin que pediu pode confirmar. Para apagar você mesmo os dados de um membro, execute `/privacy erase`.",
  "privacy.erase_done":
    "Palavras de <@{user}> apagadas: {messages, plural, one {# mensagem} other {# mensagens}} em {tickets, plural, one {# ticket} other {# tickets}}; {transcripts, plural, one {# transcrição refeita} other {# transcrições refeitas}}.",
  "privacy.erase_audit": "<@{actor}> apagou dos tickets as palavras de <@{user}>",
  "privacy.mydata_sent":
    "Enviei seus dados por mensagem direta: {tickets, plural, one {# ticket que você abriu} other {# tickets que você abriu}} e {messages, plural, one {# mensagem que você escreveu} other {# mensagens que você escreveu}}.",
  "privacy.mydata_dm_closed":
    "Não consigo enviar mensagens diretas para você. Permita mensagens diretas de membros deste servidor (nas configurações de privacidade do servidor) e execute `/privacy mydata` de novo.",
  "privacy.mydata_wait":
    "Você pode pedir seus dados uma vez por dia. Tente de novo {relative} ({exact}).",
  "privacy.mydata_too_large":
    "Seus dados são grandes demais para uma mensagem direta. Peça a um admin deste servidor que o operador do bot os exporte para você.",
  "privacy.mydata_dm":
    "Seus dados no servidor com ID {guild}: os tickets que você abriu e as mensagens que escreveu lá, em um arquivo JSON.",
} as const;
