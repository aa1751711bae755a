/** Português (Brasil): tipos de ticket, seus limites, `/type …` e `/panel …`. */
export const types = {
  "types.cap_reached":
    "Este tipo de ticket está cheio: {cap, plural, one {# ticket está aberto} other {# tickets estão abertos}}, o máximo permitido. Tente de novo quando um deles for fechado.",
  "types.cooling_down": "Você abriu um desses há pouco. Poderá abrir outro {at}.",
};
