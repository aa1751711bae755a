/**
 * The flow `/ticket add` and `/ticket remove` share: find the ticket, check the
 * member named, change their access, record it and say so in the channel.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, OptionValue } from "../interaction.ts";
import type { Ticket } from "../model.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";
import { isReply, ticketFor } from "./ticket_scope.ts";

/** The member a `/ticket add` or `/ticket remove` names. */
export type AccessTarget = Extract<OptionValue, { type: "user" }>;

/** One change of a member's access: which command, whom it names, and what it does. */
export interface AccessChange {
  readonly verb: "add" | "remove";
  readonly target: AccessTarget | null;
  /** The refusal for this target (never the opener), or null to go ahead. */
  readonly check: (
    target: AccessTarget,
    ticket: Ticket,
    reader: Translator,
  ) => Promise<Reply | null>;
  /** Gives or takes the target's access, in the channel and in the store. */
  readonly apply: (target: AccessTarget, ticket: Ticket) => Promise<void>;
}

/** Runs `change` on the ticket of this channel and announces it, or refuses. */
export async function changeMemberAccess(
  input: CommandInput,
  ctx: HandlerContext,
  change: AccessChange,
): Promise<Reply> {
  const scope = await ticketFor(change.verb, input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const { target, verb } = change;
  const reader = readerText(input);
  if (target === null) {
    return refuse(
      "invalid_value",
      reader.t(verb === "add" ? "members.choose_add" : "members.choose_remove"),
    );
  }
  if (target.value === ticket.openerId) {
    return verb === "add"
      ? refuse("already_member", reader.t("members.opener_has_access"))
      : refuse("cannot_remove", reader.t("members.cannot_remove_opener"));
  }
  const refusal = await change.check(target, ticket, reader);
  if (refusal !== null) return refusal;
  await change.apply(target, ticket);
  const guild = await guildText(ctx, input);
  const who = { actor: input.member.user.id, user: target.value };
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: input.member.user.id,
      action: `ticket.${verb}`,
      detail: { userId: target.value },
    },
    guild.t(verb === "add" ? "members.added_audit" : "members.removed_audit", {
      ...who,
      number: ticket.number,
    }),
  );
  return visible({
    content: guild.t(verb === "add" ? "members.added" : "members.removed", who),
    allowed_mentions: verb === "add" ? { parse: [], users: [target.value] } : { parse: [] },
  });
}
