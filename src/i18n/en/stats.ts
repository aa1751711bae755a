/** English: `/stats`, the statistics page and their figures. */
export const stats = {
  "stats.not_staff": "Only staff can see the statistics.",
  "stats.not_your_type":
    "You are not staff of the type \u201C{type}\u201D. Choose one of the types you handle, or leave the type out.",
  "stats.bad_days": "Choose a period of 1 to {max} days.",
  "stats.title": "Statistics of the last {days, plural, one {day} other {# days}}",
  "stats.scope_type": "Type: {type}",
  "stats.scope_staff": "Staff member: <@{user}>",
  "stats.support_hours":
    "Response and resolution times count support hours only, for types that have them.",
  "stats.tickets": "Tickets",
  "stats.tickets_value":
    "Opened: {opened}\nClosed: {closed}\nReopened: {reopened}\nOpen now: {open}",
  "stats.oldest_waiting": "Waiting longest for staff: #{number}, opened {since}",
  "stats.first_response": "First staff response",
  "stats.resolution": "Resolution",
  "stats.duration_value":
    "Median: {median}\n90th percentile: {p90}\n{count, plural, one {# ticket} other {# tickets}}",
  "stats.ratings": "Ratings",
  "stats.ratings_value":
    "{count, plural, =0 {No ratings} one {# rating} other {# ratings}}, mean {mean}\n1\u2605 {r1} · 2\u2605 {r2} · 3\u2605 {r3} · 4\u2605 {r4} · 5\u2605 {r5}",
  "stats.staff": "Per staff member",
  "stats.staff_line":
    "<@{user}>: {handled} handled, {messages} messages, median first response {median}",
  "stats.none": "none",
  "stats.definitions":
    "Median and 90th percentile by nearest rank. The attached CSV file lists every ticket of the period.",
  "stats.definitions_without_csv": "Median and 90th percentile by nearest rank.",
  "stats.csv_too_large":
    "The CSV of {days, plural, one {this day} other {these # days}} is larger than Discord takes as a file: choose fewer days, or download it from the statistics page or with `ticketeer stats --csv`.",
  "stats.csv_too_many":
    "{days, plural, one {This day holds} other {These # days hold}} too many tickets to attach their CSV: choose fewer days, or download it from the statistics page or with `ticketeer stats --csv`.",
  "stats.web_definitions":
    "Median and 90th percentile by nearest rank. The CSV lists every ticket of the period.",
  "stats.web_link": "Statistics",
  "stats.web_period": "Period in days",
  "stats.web_show": "Show",
  "stats.web_csv": "Download CSV",
  "stats.web_per_day": "Opened and closed per day",
  "stats.web_per_week": "Median first response and resolution per week, in hours",
  "stats.web_rating_chart": "Rating distribution",
  "stats.web_load": "Tickets handled per staff member",
  "stats.web_opened": "Opened",
  "stats.web_closed": "Closed",
  "stats.web_median": "Median",
  "stats.web_p90": "90th percentile",
  "stats.web_staff_member": "Staff member",
  "stats.web_handled": "Handled",
  "stats.web_messages": "Messages",
  "stats.web_median_response": "Median first response",
  "stats.web_open_now": "Open now",
  "stats.web_reopened": "Reopened",
  "stats.web_mean_rating": "Mean rating",
} as const;
