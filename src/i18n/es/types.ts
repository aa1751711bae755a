/** Español: tipos de ticket, sus límites, `/type …` y `/panel …`. */
export const types = {
  "types.cap_reached":
    "Este tipo de ticket está completo: {cap, plural, one {hay # ticket abierto} other {hay # tickets abiertos}}, el máximo permitido. Vuelve a intentarlo cuando se cierre alguno.",
  "types.cooling_down": "Abriste uno de estos hace poco. Podrás abrir otro {at}.",
};
