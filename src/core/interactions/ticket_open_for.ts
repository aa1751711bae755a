/**
 * Staff opening a ticket for a member: `/ticket open-for <user> [type] [topic]` and
 * the user command "Open a ticket for this user". The member is the ticket's
 * opener (channel name, access, limits, the type's role rules); the staff member
 * is told where it is, and the welcome says who opened it.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput, UserRef } from "../interaction.ts";
import type { RoleId } from "../ids.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { readerText } from "../language.ts";
import { allowed } from "../access.ts";
import { openTicket } from "../tickets/open_ticket.ts";
import { requestedType } from "../tickets/requested_type.ts";
import { topicAnswers } from "../tickets/open_or_ask.ts";
import { defineSubcommand } from "./define_command.ts";
import { defineContextMenu } from "./define_context_menu.ts";
import { userOption } from "./command_option.ts";
import { OPEN_TYPE_OPTION, TOPIC_OPTION } from "./ticket_new.ts";

/** Whom the ticket is for: the user, and their roles when Discord resolved them as a member. */
interface Beneficiary {
  user: UserRef | null;
  roles: readonly RoleId[] | null;
}

const OPTIONS = [
  userOption("user", "The member the ticket is for"),
  OPEN_TYPE_OPTION,
  TOPIC_OPTION,
] as const;

/** `/ticket open-for <user> [type] [topic]`. */
export const ticketOpenFor = defineSubcommand({
  name: "open-for",
  description: "Open a ticket for a member (staff)",
  options: OPTIONS,
  handler: (input, ctx, options) =>
    openForMember(input, ctx, {
      who: {
        user: options.user?.user ?? null,
        roles: options.user?.member ? options.user.memberRoles ?? [] : null,
      },
      type: options.type,
      topic: options.topic,
    }),
});

/** The user command "Open a ticket for this user": the default type, no topic. */
export const openForUserMenu = defineContextMenu({
  target: "user",
  name: "Open a ticket for this user",
  default_member_permissions: null,
  handler: (input, ctx, target) =>
    openForMember(input, ctx, {
      who: { user: target.user, roles: target.memberRoles },
      type: null,
      topic: null,
    }),
});

/** Opens a ticket of `spec.type` (or the default) for `spec.who`, when staff of that type ask. */
export async function openForMember(
  input: InteractionInput,
  ctx: HandlerContext,
  spec: { who: Beneficiary; type: string | null; topic: string | null },
): Promise<Reply> {
  const tr = readerText(input);
  const type = await requestedType(input, ctx, spec.type);
  if ("kind" in type) return type;
  if (!allowed("open_for", input.member, { type })) {
    return refuse("not_staff", tr.t("open.for_not_staff"));
  }
  const { user, roles } = spec.who;
  if (user === null || roles === null) return refuse("not_member", tr.t("open.for_not_member"));
  if (user.bot) return refuse("not_member", tr.t("open.for_bot"));
  const topic = spec.topic === "" ? null : spec.topic;
  return await openTicket(input, ctx, {
    type,
    topic,
    answers: topicAnswers(type, topic),
    for: { user, roles },
  });
}
