/** Português (Brasil): `/stats`, a página de estatísticas e seus números. */
export const stats = {
  "stats.not_staff": "Só a equipe pode ver as estatísticas.",
  "stats.not_your_type":
    "Você não é da equipe do tipo «{type}». Escolha um dos tipos que você atende, ou deixe o tipo em branco.",
  "stats.bad_days": "Escolha um período de 1 a {max} dias.",
  "stats.title": "Estatísticas {days, plural, one {do último dia} other {dos últimos # dias}}",
  "stats.scope_type": "Tipo: {type}",
  "stats.scope_staff": "Membro da equipe: <@{user}>",
  "stats.support_hours":
    "Nos tipos com horário de atendimento, os tempos de resposta e de resolução contam só esse horário.",
  "stats.tickets": "Tickets",
  "stats.tickets_value":
    "Abertos: {opened}\nFechados: {closed}\nReabertos: {reopened}\nAbertos agora: {open}",
  "stats.oldest_waiting": "Esperando a equipe há mais tempo: #{number}, aberto {since}",
  "stats.first_response": "Primeira resposta da equipe",
  "stats.resolution": "Resolução",
  "stats.duration_value":
    "Mediana: {median}\nPercentil 90: {p90}\n{count, plural, one {# ticket} other {# tickets}}",
  "stats.ratings": "Avaliações",
  "stats.ratings_value":
    "{count, plural, =0 {Nenhuma avaliação} one {# avaliação} other {# avaliações}}, média {mean}\n1\u2605 {r1} · 2\u2605 {r2} · 3\u2605 {r3} · 4\u2605 {r4} · 5\u2605 {r5}",
  "stats.staff": "Por membro da equipe",
  "stats.staff_line":
    "<@{user}>: {handled} atendidos, {messages} mensagens, mediana da primeira resposta {median}",
  "stats.none": "nenhum",
  "stats.definitions":
    "Mediana e percentil 90 pelo método do posto mais próximo. O arquivo CSV anexado lista cada ticket do período.",
  "stats.definitions_without_csv": "Mediana e percentil 90 pelo método do posto mais próximo.",
  "stats.csv_too_large":
    "O CSV {days, plural, one {deste dia} other {destes # dias}} é maior do que o Discord aceita como arquivo: escolha menos dias, ou baixe-o na página de estatísticas ou com `ticketeer stats --csv`.",
  "stats.csv_too_many":
    "{days, plural, one {Este dia tem} other {Estes # dias têm}} tickets demais para anexar o CSV: escolha menos dias, ou baixe-o na página de estatísticas ou com `ticketeer stats --csv`.",
  "stats.web_definitions":
    "Mediana e percentil 90 pelo método do posto mais próximo. O CSV lista cada ticket do período.",
  "stats.web_link": "Estatísticas",
  "stats.web_period": "Período em dias",
  "stats.web_show": "Mostrar",
  "stats.web_csv": "Baixar CSV",
  "stats.web_per_day": "Abertos e fechados por dia",
  "stats.web_per_week": "Mediana da primeira resposta e da resolução por semana, em horas",
  "stats.web_rating_chart": "Distribuição das avaliações",
  "stats.web_load": "Tickets atendidos por membro da equipe",
  "stats.web_opened": "Abertos",
  "stats.web_closed": "Fechados",
  "stats.web_median": "Mediana",
  "stats.web_p90": "Percentil 90",
  "stats.web_staff_member": "Membro da equipe",
  "stats.web_handled": "Atendidos",
  "stats.web_messages": "Mensagens",
  "stats.web_median_response": "Mediana da primeira resposta",
  "stats.web_open_now": "Abertos agora",
  "stats.web_reopened": "Reabertos",
  "stats.web_mean_rating": "Avaliação média",
} as const;
