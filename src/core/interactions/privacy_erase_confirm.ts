/**
 * The buttons under the `/privacy erase` question: Erase (only the admin who
 * asked, still holding Manage Server) erases the member's words in one
 * transaction, as `ticketeer erase` does; Cancel dismisses the question.
 */
import type { HandlerContext } from "../context.ts";
import type { ComponentInput } from "../interaction.ts";
import type { UserId } from "../ids.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { isAdmin } from "../access.ts";
import { announceAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import { defineButton } from "./define_component.ts";

/** Erase on the question. */
export const eraseConfirm = defineButton({
  action: "eraseok",
  handler: (input, ctx, id) => handleEraseConfirm(input, ctx, id),
});

/** Cancel on the question. */
export const eraseCancel = defineButton({
  action: "eraseno",
  handler: (input) => handleEraseCancel(input),
});

/** Handles Erase: refuses anyone but the admin who asked, else erases and says what went. */
export async function handleEraseConfirm(
  input: ComponentInput,
  ctx: HandlerContext,
  id: { userId: UserId; askerId: UserId },
): Promise<Reply> {
  const tr = readerText(input);
  if (!isAdmin(input.member)) return refuse("not_admin", tr.t("privacy.erase_not_admin"));
  const actorId = input.member.user.id;
  if (actorId !== id.askerId) return refuse("not_allowed", tr.t("privacy.erase_not_asker"));
  await ctx.defer({ ephemeral: true });
  const counts = await ctx.privacy.erase(input.guildId, { userId: id.userId, actorId });
  ctx.log.info("Erased {messages} messages of {userId} in guild {guildId} for {actorId}", {
    messages: counts.messages,
    userId: id.userId,
    guildId: input.guildId,
    actorId,
  });
  // The audit row was written with the erasure; the log channel is told best effort.
  const event = {
    guildId: input.guildId,
    ticketId: null,
    actorId,
    action: "privacy.erase",
    detail: { user_id: id.userId, ...counts },
  };
  const guild = await guildText(ctx, input);
  await announceAction(
    ctx,
    event,
    guild.t("privacy.erase_audit", { actor: actorId, user: id.userId }),
  );
  return ephemeral({
    content: tr.t("privacy.erase_done", { user: id.userId, ...counts }),
    allowed_mentions: { parse: [] },
  });
}

/** Handles Cancel: replaces the question. */
export function handleEraseCancel(input: Pick<ComponentInput, "locale">): Promise<Reply> {
  return Promise.resolve({
    kind: "update",
    body: { content: readerText(input).t("privacy.erase_cancelled"), components: [] },
  });
}
