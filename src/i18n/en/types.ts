/** English: ticket types, their limits, `/type …` and `/panel …`. */
export const types = {
  "types.cap_reached":
    "This kind of ticket is full: {cap, plural, one {# ticket is} other {# tickets are}} open, the most allowed. Try again once one is closed.",
  "types.cooling_down": "You opened one of these recently. You can open another {at}.",
} as const;
