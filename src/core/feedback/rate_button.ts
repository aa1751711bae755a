/**
 * The rating buttons of the feedback DM and the comment form they open: the first
 * click stores the rating (one per ticket) and shows the optional comment form;
 * the summary in the log channel is edited to show it.
 */
import type { HandlerContext } from "../context.ts";
import type { DirectComponentInput, DirectModalInput } from "../interaction.ts";
import { type ComponentId, encodeCustomId } from "../custom_id.ts";
import { MAX_FEEDBACK_COMMENT } from "../model.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import { defineDirectButton, defineDirectModal } from "../interactions/define_component.ts";
import { showRatingOnSummary } from "./summary_rating.ts";

/** The custom id of the comment field. */
const COMMENT_FIELD = "comment";

/** One of the five rating buttons. */
export const rateButton = defineDirectButton({
  action: "rate",
  handler: handleRate,
});

/** The comment form shown after a rating. */
export const rateNoteModal = defineDirectModal({
  action: "ratenote",
  handler: handleRateNote,
});

/** Stores the rating and shows the comment form; a second click says it was recorded. */
export async function handleRate(
  input: DirectComponentInput,
  ctx: HandlerContext,
  id: Extract<ComponentId, { action: "rate" }>,
): Promise<Reply> {
  const reader = readerText(input);
  const feedback = await ctx.feedback.get(id.ticketId);
  const ticket = await ctx.tickets.get(id.ticketId);
  if (feedback === null || ticket === null || ticket.openerId !== input.user.id) {
    return refuse("feedback_not_open", reader.t("feedback.not_open"));
  }
  const result = await ctx.feedback.rate(ticket.id, id.stars, ctx.clock.now());
  if (result === "already_rated") return refuse("already_rated", reader.t("feedback.already"));
  if (result === "not_asked") return refuse("feedback_not_open", reader.t("feedback.not_open"));
  return {
    kind: "modal",
    modal: {
      custom_id: encodeCustomId({ action: "ratenote", ticketId: ticket.id }),
      title: reader.t("feedback.form_title").slice(0, 45),
      components: [{
        type: 18,
        label: reader.t("feedback.form_label").slice(0, 45),
        component: {
          type: 4,
          custom_id: COMMENT_FIELD,
          style: 2,
          required: false,
          max_length: MAX_FEEDBACK_COMMENT,
        },
      }],
    },
    after: () => showRatingOnSummary(ticket.id, ctx),
  };
}

/** Adds the comment to the rating; an empty form only thanks. */
export async function handleRateNote(
  input: DirectModalInput,
  ctx: HandlerContext,
  id: Extract<ComponentId, { action: "ratenote" }>,
): Promise<Reply> {
  const reader = readerText(input);
  const ticket = await ctx.tickets.get(id.ticketId);
  const feedback = await ctx.feedback.get(id.ticketId);
  if (ticket === null || feedback?.rating == null || ticket.openerId !== input.user.id) {
    return refuse("feedback_not_open", reader.t("feedback.not_open"));
  }
  const comment = (input.fields[COMMENT_FIELD] ?? "").trim().slice(0, MAX_FEEDBACK_COMMENT);
  const thanks = {
    content: reader.t("feedback.thanks", { stars: feedback.rating }),
    components: [],
  };
  if (comment === "") return { kind: "update", body: thanks };
  if (!(await ctx.feedback.comment(ticket.id, comment))) {
    return refuse("already_rated", reader.t("feedback.already"));
  }
  await showRatingOnSummary(ticket.id, ctx);
  return {
    kind: "update",
    body: { content: reader.t("feedback.thanks_comment"), components: [] },
  };
}
