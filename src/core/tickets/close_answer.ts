/**
 * Runs the close flow for a person who pressed a button (Confirm on the close
 * question, Accept on a close request) and answers them: closed, or why it
 * stopped. The answer is deferred first, since a close takes a while.
 */
import type { HandlerContext } from "../context.ts";
import type { ComponentInput } from "../interaction.ts";
import type { UserId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { Permission } from "../permissions_bits.ts";
import { readerText } from "../language.ts";
import { runClose } from "./close_flow.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";

/**
 * Whether the bot may read this channel's history, from the interaction's
 * `app_permissions` (0 when Discord did not send them: unknown, so yes).
 */
export function canReadHistory(appPermissions: bigint): boolean {
  if (appPermissions === 0n) return true;
  const granted = Permission.ReadMessageHistory | Permission.Administrator;
  return (appPermissions & granted) !== 0n;
}

/** Closes `ticket` for the member who pressed the button, and says how it went. */
export async function closeAndAnswer(
  input: ComponentInput,
  ctx: HandlerContext,
  close: { ticket: Ticket; by: UserId; reason: string | null },
): Promise<Reply> {
  const { ticket } = close;
  await ctx.defer({ ephemeral: true });
  const outcome = await runClose(ticket, ctx, {
    by: close.by,
    reason: close.reason,
    canReadHistory: canReadHistory(input.appPermissions),
    locale: fromDiscordLocale(input.locale),
    ...(input.attachmentSizeLimit === undefined
      ? {}
      : { uploadLimitBytes: input.attachmentSizeLimit }),
  });
  const tr = readerText(input);
  if (outcome.kind === "closed") return ephemeral(tr.t("close.closed", { number: ticket.number }));
  ctx.log.warn("Close of ticket {number} in guild {guildId} stopped at {step}: {reason}", {
    number: ticket.number,
    guildId: input.guildId,
    step: outcome.step,
    reason: outcome.reason,
  });
  return refuse(
    "close_failed",
    tr.t("close.failed", { number: ticket.number, reason: outcome.reason }),
  );
}
