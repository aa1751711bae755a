/** Español: respuestas de `/privacy erase` y `/privacy mydata`, y la copia enviada por MD. */
export const privacy = {
  "privacy.erase_not_admin":
    "Solo los miembros con «Gestionar servidor» pueden borrar los datos de un miembro.",
  "privacy.erase_choose": "Elige el miembro cuyas palabras quieres borrar.",
  "privacy.erase_question":
    "¿Borrar todo lo que <@{user}> escribió en los tickets de este servidor? Sus mensajes, archivos adjuntos, temas y respuestas pasan a ser «[removed]» en archivos y transcripciones; los recuentos, las horas y el registro de auditoría se quedan. No se puede deshacer.",
  "privacy.erase_confirm": "Borrar",
  "privacy.erase_cancel": "Cancelar",
  "privacy.erase_cancelled": "No se borró nada.",
  "privacy.erase_not_asker":
    "Solo el admin que lo pidió puede confirmarlo. Para borrar tú los datos de un miembro, ejecuta `/privacy erase`.",
  "privacy.erase_done":
    "Palabras de <@{user}> borradas: {messages, plural, one {# mensaje} other {# mensajes}} en {tickets, plural, one {# ticket} other {# tickets}}; {transcripts, plural, one {# transcripción rehecha} other {# transcripciones rehechas}}.",
  "privacy.erase_audit": "<@{actor}> borró de los tickets las palabras de <@{user}>",
  "privacy.mydata_sent":
    "Te envié tus datos por mensaje directo: {tickets, plural, one {# ticket que abriste} other {# tickets que abriste}} y {messages, plural, one {# mensaje que escribiste} other {# mensajes que escribiste}}.",
  "privacy.mydata_dm_closed":
    "No puedo enviarte mensajes directos. Permite los mensajes directos de miembros de este servidor (en los ajustes de privacidad del servidor) y vuelve a ejecutar `/privacy mydata`.",
  "privacy.mydata_wait":
    "Puedes pedir tus datos una vez al día. Vuelve a intentarlo {relative} ({exact}).",
  "privacy.mydata_too_large":
    "Tus datos son demasiado grandes para un mensaje directo. Pide a un admin de este servidor que el operador del bot los exporte para ti.",
  "privacy.mydata_dm":
    "Tus datos en el servidor con ID {guild}: los tickets que abriste y los mensajes que escribiste allí, en un archivo JSON.",
} as const;
