/**
 * The subcommand `/ticket add` and `/ticket remove` share: one user option; find
 * the ticket, check the member named, change their access, record it and say so
 * in the channel.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, OptionValue } from "../interaction.ts";
import type { Ticket } from "../model.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, type Subcommand } from "./define_command.ts";
import { userOption } from "./command_option.ts";

/** The member a `/ticket add` or `/ticket remove` names. */
export type AccessTarget = Extract<OptionValue, { type: "user" }>;

/** What a check or change of access works with. */
export interface AccessScope {
  readonly ticket: Ticket;
  readonly input: CommandInput;
  readonly ctx: HandlerContext;
  readonly reader: Translator;
}

/** One change of a member's access: which command, whom it names, and what it does. */
export interface AccessChange {
  readonly verb: "add" | "remove";
  readonly description: string;
  /** The description of the user option. */
  readonly userDescription: string;
  /** The refusal for this target (never the opener), or null to go ahead. */
  readonly check: (target: AccessTarget, scope: AccessScope) => Promise<Reply | null>;
  /** Gives or takes the target's access, in the channel and in the store. */
  readonly apply: (target: AccessTarget, scope: AccessScope) => Promise<void>;
}

/** The `/ticket` subcommand that runs `change`. */
export function memberAccessSubcommand(change: AccessChange): Subcommand {
  return defineSubcommand({
    name: change.verb,
    description: change.description,
    options: [userOption("user", change.userDescription)] as const,
    handler: (input, ctx, options) => changeMemberAccess(input, ctx, change, options.user),
  });
}

async function changeMemberAccess(
  input: CommandInput,
  ctx: HandlerContext,
  change: AccessChange,
  target: AccessTarget | null,
): Promise<Reply> {
  const scope = await ticketFor(change.verb, input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const { verb } = change;
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
  const access = { ticket, input, ctx, reader };
  const refusal = await change.check(target, access);
  if (refusal !== null) return refusal;
  await change.apply(target, access);
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
