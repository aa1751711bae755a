/** English: answers of `/privacy erase` and `/privacy mydata`, and the copy sent by DM. */
export const privacy = {
  "privacy.erase_not_admin": "Only members with Manage Server can erase a member\u2019s data.",
  "privacy.erase_choose": "Choose the member whose words should be erased.",
  "privacy.erase_question":
    "Erase everything <@{user}> wrote in this server\u2019s tickets? Their messages, attachments, topics and answers become \u201C[removed]\u201D in archives and transcripts; counts, times and the audit log stay. This cannot be undone.",
  "privacy.erase_confirm": "Erase",
  "privacy.erase_cancel": "Cancel",
  "privacy.erase_cancelled": "Nothing was erased.",
  "privacy.erase_not_asker":
    "Only the admin who asked can confirm this. To erase a member\u2019s data yourself, run `/privacy erase`.",
  "privacy.erase_done":
    "Erased <@{user}>\u2019s words: {messages, plural, one {# message} other {# messages}} in {tickets, plural, one {# ticket} other {# tickets}}; {transcripts, plural, one {# transcript} other {# transcripts}} rendered again.",
  "privacy.erase_audit": "<@{actor}> erased the words of <@{user}> from the tickets",
  "privacy.mydata_sent":
    "I sent you your data by direct message: {tickets, plural, one {# ticket} other {# tickets}} you opened and {messages, plural, one {# message} other {# messages}} you wrote.",
  "privacy.mydata_dm_closed":
    "I cannot send you direct messages. Allow direct messages from members of this server (the server\u2019s Privacy Settings), then run `/privacy mydata` again.",
  "privacy.mydata_wait": "You can ask for your data once a day. Try again {relative} ({exact}).",
  "privacy.mydata_too_large":
    "Your data is too large for a direct message. Ask an admin of this server to have the bot\u2019s operator export it for you.",
  "privacy.mydata_dm":
    "Your data in the server with id {guild}: the tickets you opened and the messages you wrote there, as a JSON file.",
} as const;
