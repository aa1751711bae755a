/** Français : `/stats`, la page des statistiques et leurs chiffres. */
export const stats = {
  "stats.not_staff": "Seule l\u2019équipe peut voir les statistiques.",
  "stats.not_your_type":
    "Tu ne fais pas partie de l\u2019équipe du type « {type} ». Choisis un type dont tu t\u2019occupes, ou n\u2019indique pas de type.",
  "stats.bad_days": "Choisis une période de 1 à {max} jours.",
  "stats.title": "Statistiques {days, plural, one {du dernier jour} other {des # derniers jours}}",
  "stats.scope_type": "Type : {type}",
  "stats.scope_staff": "Membre de l\u2019équipe : <@{user}>",
  "stats.support_hours":
    "Pour les types qui ont des heures d\u2019assistance, les délais de réponse et de résolution ne comptent que ces heures.",
  "stats.tickets": "Tickets",
  "stats.tickets_value":
    "Ouverts : {opened}\nFermés : {closed}\nRouverts : {reopened}\nOuverts maintenant : {open}",
  "stats.oldest_waiting":
    "Attend l\u2019équipe depuis le plus longtemps : #{number}, ouvert {since}",
  "stats.first_response": "Première réponse de l\u2019équipe",
  "stats.resolution": "Résolution",
  "stats.duration_value":
    "Médiane : {median}\n90e centile : {p90}\n{count, plural, one {# ticket} other {# tickets}}",
  "stats.ratings": "Évaluations",
  "stats.ratings_value":
    "{count, plural, =0 {Aucune évaluation} one {# évaluation} other {# évaluations}}, moyenne {mean}\n1\u2605 {r1} · 2\u2605 {r2} · 3\u2605 {r3} · 4\u2605 {r4} · 5\u2605 {r5}",
  "stats.staff": "Par membre de l\u2019équipe",
  "stats.staff_line":
    "<@{user}> : {handled} pris en charge, {messages} messages, première réponse médiane {median}",
  "stats.none": "aucune",
  "stats.definitions":
    "Médiane et 90e centile par la méthode du rang le plus proche. Le fichier CSV joint liste chaque ticket de la période.",
  "stats.definitions_without_csv": "Médiane et 90e centile par la méthode du rang le plus proche.",
  "stats.csv_too_large":
    "Le CSV {days, plural, one {de ce jour} other {de ces # jours}} dépasse la taille de fichier que Discord accepte : choisis moins de jours, ou télécharge-le depuis la page des statistiques ou avec `ticketeer stats --csv`.",
  "stats.csv_too_many":
    "{days, plural, one {Ce jour compte} other {Ces # jours comptent}} trop de tickets pour joindre leur CSV : choisis moins de jours, ou télécharge-le depuis la page des statistiques ou avec `ticketeer stats --csv`.",
  "stats.web_definitions":
    "Médiane et 90e centile par la méthode du rang le plus proche. Le CSV liste chaque ticket de la période.",
  "stats.web_link": "Statistiques",
  "stats.web_period": "Période en jours",
  "stats.web_show": "Afficher",
  "stats.web_csv": "Télécharger le CSV",
  "stats.web_per_day": "Ouverts et fermés par jour",
  "stats.web_per_week": "Première réponse et résolution médianes par semaine, en heures",
  "stats.web_rating_chart": "Répartition des évaluations",
  "stats.web_load": "Tickets pris en charge par membre de l\u2019équipe",
  "stats.web_opened": "Ouverts",
  "stats.web_closed": "Fermés",
  "stats.web_median": "Médiane",
  "stats.web_p90": "90e centile",
  "stats.web_staff_member": "Membre de l\u2019équipe",
  "stats.web_handled": "Pris en charge",
  "stats.web_messages": "Messages",
  "stats.web_median_response": "Première réponse médiane",
  "stats.web_open_now": "Ouverts maintenant",
  "stats.web_reopened": "Rouverts",
  "stats.web_mean_rating": "Évaluation moyenne",
} as const;
