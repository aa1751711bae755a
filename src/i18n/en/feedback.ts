/** English: the rating asked of the opener after a close, and its place in the summary. */
export const feedback = {
  "feedback.ask":
    "How did we do with your ticket #{number} ({type})? Rate it from 1 (poor) to 5 (great).",
  "feedback.form_title": "Thanks for your rating",
  "feedback.form_label": "Anything you want to tell us? (optional)",
  "feedback.thanks": "Thank you: your rating of {stars} out of 5 was recorded.",
  "feedback.thanks_comment": "Thank you: your comment was added to your rating.",
  "feedback.already": "You already rated this ticket; thank you.",
  "feedback.not_open": "This ticket does not take a rating any more.",
  "summary.rating": "Rating",
  "summary.rating_value": "{stars} / 5",
} as const;
