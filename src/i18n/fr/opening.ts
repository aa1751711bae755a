/** Français : ouvrir un ticket (de toutes les façons), son formulaire, l'accueil et l'entrée du journal. */
export const opening = {
  "open.not_configured":
    "Les tickets ne sont pas encore configurés sur ce serveur. Demandez à un admin de lancer `/setup`.",
  "open.limit":
    "{whose, select, self {Vous avez déjà} other {<@{user}> a déjà}} {limit, plural, one {un ticket ouvert} other {# tickets ouverts}} de ce type, le maximum autorisé ici.",
  "open.limit_continue": "Continuez dans {links}.",
  "open.limit_creating": "Son salon est en cours de création ; le lien suit dans un instant.",
  "open.opened": "Votre ticket est ouvert : <#{channel}>",
  "open.opened_for": "Le ticket pour <@{user}> est ouvert : <#{channel}>",
  "open.panel_gone":
    "Ce panneau ne fonctionne plus. Demandez à un admin d\u2019en publier un nouveau avec `/panel`.",
  "open.blocked_role":
    "{whose, select, self {Les membres ayant le rôle <@&{role}> ne peuvent pas} other {<@{user}> a le rôle <@&{role}>, et les membres qui l\u2019ont ne peuvent pas}} ouvrir ce type de ticket. Adressez-vous à l\u2019équipe si vous pensez que c\u2019est une erreur.",
  "open.missing_role":
    "Ce type de ticket est réservé aux membres ayant {roles}{whose, select, self {} other {, et <@{user}> n\u2019en a aucun}}. Adressez-vous à l\u2019équipe si vous pensez que c\u2019est une erreur.",
  "open.outside_hours":
    "L\u2019équipe est absente en ce moment. Ce type de ticket pourra être ouvert à nouveau {at}.",
  "open.outside_hours_warn":
    "L\u2019équipe est absente en ce moment ; elle revient {at} et vous répondra alors.",
  "open.form_title": "Ouvrir un ticket",
  "open.choose": "Choisissez une réponse",
  "open.answer_missing": "Répondez à « {question} » et renvoyez le formulaire.",
  "open.choice_unknown":
    "« {question} » a changé depuis l\u2019affichage du formulaire. Ouvrez à nouveau le formulaire.",
  "open.log": "Ticket #{number} ouvert par <@{opener}> dans <#{channel}>",
  "open.log_for": "Ticket #{number} ouvert pour <@{opener}> par <@{actor}> dans <#{channel}>",
  "open.for_not_staff":
    "Seule l\u2019équipe peut ouvrir un ticket pour quelqu\u2019un d\u2019autre. Pour ouvrir le vôtre, utilisez `/ticket new`.",
  "open.for_bot": "Les bots ne peuvent pas avoir de ticket. Choisissez un membre de ce serveur.",
  "open.for_not_member":
    "Cet utilisateur n\u2019est pas membre de ce serveur : impossible de lui ouvrir un ticket.",
  "welcome.default_text":
    "Merci de nous avoir contactés. Décrivez votre besoin et un membre de l\u2019équipe vous répondra bientôt.",
  "welcome.assistant":
    "Un assistant peut répondre ici en premier ; l\u2019équipe prend le relais quand elle prend en charge le ticket.",
  "welcome.opened_for": "<@{actor}> a ouvert ce ticket pour vous.",
  "welcome.about": "À propos de ce message de <@{author}> :",
  "welcome.jump": "Aller au message : {url}",
  "welcome.title": "Ticket #{number}",
  "welcome.close": "Fermer",
  "welcome.claim": "Prendre en charge",
} as const;
