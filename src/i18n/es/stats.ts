/** Español: `/stats`, la página de estadísticas y sus cifras. */
export const stats = {
  "stats.not_staff": "Solo el equipo puede ver las estadísticas.",
  "stats.not_your_type":
    "No eres del equipo del tipo «{type}». Elige uno de los tipos de los que te encargas, o deja el tipo vacío.",
  "stats.bad_days": "Elige un periodo de 1 a {max} días.",
  "stats.title": "Estadísticas {days, plural, one {del último día} other {de los últimos # días}}",
  "stats.scope_type": "Tipo: {type}",
  "stats.scope_staff": "Miembro del equipo: <@{user}>",
  "stats.support_hours":
    "En los tipos con horario de atención, los tiempos de respuesta y de resolución solo cuentan ese horario.",
  "stats.tickets": "Tickets",
  "stats.tickets_value":
    "Abiertos: {opened}\nCerrados: {closed}\nReabiertos: {reopened}\nAbiertos ahora: {open}",
  "stats.oldest_waiting": "El que más lleva esperando al equipo: #{number}, abierto {since}",
  "stats.first_response": "Primera respuesta del equipo",
  "stats.resolution": "Resolución",
  "stats.duration_value":
    "Mediana: {median}\nPercentil 90: {p90}\n{count, plural, one {# ticket} other {# tickets}}",
  "stats.ratings": "Valoraciones",
  "stats.ratings_value":
    "{count, plural, =0 {Sin valoraciones} one {# valoración} other {# valoraciones}}, media {mean}\n1\u2605 {r1} · 2\u2605 {r2} · 3\u2605 {r3} · 4\u2605 {r4} · 5\u2605 {r5}",
  "stats.staff": "Por miembro del equipo",
  "stats.staff_line":
    "<@{user}>: {handled} atendidos, {messages} mensajes, mediana de primera respuesta {median}",
  "stats.none": "ninguno",
  "stats.definitions":
    "Mediana y percentil 90 por el método del rango más cercano. El archivo CSV adjunto lista cada ticket del periodo.",
  "stats.definitions_without_csv": "Mediana y percentil 90 por el método del rango más cercano.",
  "stats.csv_too_large":
    "El CSV {days, plural, one {de este día} other {de estos # días}} supera el tamaño de archivo que acepta Discord: elige menos días, o descárgalo desde la página de estadísticas o con `ticketeer stats --csv`.",
  "stats.csv_too_many":
    "{days, plural, one {Este día tiene} other {Estos # días tienen}} demasiados tickets para adjuntar su CSV: elige menos días, o descárgalo desde la página de estadísticas o con `ticketeer stats --csv`.",
  "stats.web_definitions":
    "Mediana y percentil 90 por el método del rango más cercano. El CSV lista cada ticket del periodo.",
  "stats.web_link": "Estadísticas",
  "stats.web_period": "Periodo en días",
  "stats.web_show": "Mostrar",
  "stats.web_csv": "Descargar CSV",
  "stats.web_per_day": "Abiertos y cerrados por día",
  "stats.web_per_week": "Mediana de primera respuesta y de resolución por semana, en horas",
  "stats.web_rating_chart": "Distribución de las valoraciones",
  "stats.web_load": "Tickets atendidos por miembro del equipo",
  "stats.web_opened": "Abiertos",
  "stats.web_closed": "Cerrados",
  "stats.web_median": "Mediana",
  "stats.web_p90": "Percentil 90",
  "stats.web_staff_member": "Miembro del equipo",
  "stats.web_handled": "Atendidos",
  "stats.web_messages": "Mensajes",
  "stats.web_median_response": "Mediana de primera respuesta",
  "stats.web_open_now": "Abiertos ahora",
  "stats.web_reopened": "Reabiertos",
  "stats.web_mean_rating": "Valoración media",
} as const;
