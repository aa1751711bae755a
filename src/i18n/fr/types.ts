/** Français : types de ticket, leurs limites, `/type …` et `/panel …`. */
export const types = {
  "types.cap_reached":
    "Ce type de ticket est complet : {cap, plural, one {# ticket est ouvert} other {# tickets sont ouverts}}, le maximum autorisé. Réessayez quand l’un d’eux sera fermé.",
  "types.cooling_down": "Vous en avez ouvert un récemment. Vous pourrez en ouvrir un autre {at}.",
};
