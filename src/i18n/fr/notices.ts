/** Français : avis de l'assistant dans les tickets et champs du résumé de fermeture. */
export const notices = {
  "relay.unavailable":
    "L\u2019assistant est indisponible pour le moment ; l\u2019équipe vous répondra ici.",
  "relay.handoff":
    "{roles} le membre demande à parler à une personne : l\u2019assistant est en pause dans ce ticket (`/ticket assistant on` le relance).",
  "summary.title": "Ticket #{number} fermé",
  "summary.ticket": "Ticket",
  "summary.type": "Type",
  "summary.messages": "Messages",
  "summary.opened_by": "Ouvert par",
  "summary.claimed_by": "Pris en charge par",
  "summary.nobody": "personne",
  "summary.closed_by": "Fermé par",
  "summary.opened": "Ouvert le",
  "summary.closed": "Fermé le",
  "summary.duration": "Durée",
  "summary.reason": "Raison",
  "summary.no_reason": "Aucune raison donnée",
  "summary.files": "Fichiers",
  "transcript.open_link": "Ouvrir la transcription",
  "transcript.someone": "Quelqu\u2019un",
  "transcript.unknown_user": "Utilisateur inconnu",
  "transcript.unknown_time": "heure inconnue",
  "close.dm":
    "Votre ticket n°{number} a été fermé. Sa transcription est {how, select, linked {accessible par le lien ci-dessous} other {jointe}}.",
} as const;
