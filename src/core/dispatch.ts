/**
 * The one entry point both shells call: routes a command by name (and
 * subcommand), a button or modal by its versioned `custom_id`, and turns every
 * throw into a short ephemeral answer (with an error id to give staff) so a
 * member is never left with "The application did not respond".
 */
import type { HandlerContext } from "./context.ts";
import type { CommandInput, ComponentInput, InteractionInput, ModalInput } from "./interaction.ts";
import { apologyText, refuse } from "./errors.ts";
import type { Reply } from "./reply.ts";
import { decodeCustomId } from "./custom_id.ts";
import { newErrorId } from "./error_id.ts";
import { DiscordRequestError } from "./discord_failure.ts";
import { handleSetup } from "./setup/setup.ts";
import { handlePanel } from "./setup/panel.ts";
import { handleConfigShow } from "./config/config_show.ts";
import { handleConfigSet } from "./config/config_set.ts";
import { handleTicketNew } from "./tickets/ticket_new.ts";
import { handleTicketAdd } from "./tickets/add_member.ts";
import { handleTicketRemove } from "./tickets/remove_member.ts";
import { handleClaimButton, handleTicketClaim, handleTicketUnclaim } from "./tickets/claim.ts";
import {
  handleCloseButton,
  handleCloseCancel,
  handleCloseConfirm,
  handleTicketClose,
} from "./tickets/close.ts";
import { handleTicketAssistant } from "./tickets/assistant.ts";
import { handleOpenForm, handlePanelButton } from "./tickets/panel_button.ts";

type CommandHandler = (input: CommandInput, ctx: HandlerContext) => Promise<Reply>;

/** Command routes, keyed `name`, `name subcommand` or `name group` (its handler reads the subcommand). */
const COMMAND_ROUTES: Readonly<Record<string, CommandHandler>> = {
  "setup": handleSetup,
  "panel": handlePanel,
  "config show": handleConfigShow,
  "config set": handleConfigSet,
  "ticket new": handleTicketNew,
  "ticket add": handleTicketAdd,
  "ticket remove": handleTicketRemove,
  "ticket claim": handleTicketClaim,
  "ticket unclaim": handleTicketUnclaim,
  "ticket close": handleTicketClose,
  "ticket assistant": handleTicketAssistant,
};

/** The reply for a command, button or form this build does not know (stale or foreign). */
export const UNKNOWN_COMPONENT = refuse(
  "unknown_component",
  "This button or command is no longer in use. If it came from an old message, use `/ticket new` or a current panel.",
);

function routeCommand(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  const key = input.group !== null
    ? `${input.name} ${input.group}`
    : input.subcommand !== null
    ? `${input.name} ${input.subcommand}`
    : input.name;
  const handler = COMMAND_ROUTES[key];
  return handler ? handler(input, ctx) : Promise.resolve(UNKNOWN_COMPONENT);
}

function routeComponent(input: ComponentInput, ctx: HandlerContext): Promise<Reply> {
  const id = decodeCustomId(input.customId);
  switch (id?.action) {
    case "open":
      return handlePanelButton(input, ctx, id.typeId);
    case "close":
      return handleCloseButton(input, ctx, id.ticketId);
    case "claim":
      return handleClaimButton(input, ctx, id.ticketId);
    case "closeok":
      return handleCloseConfirm(input, ctx, id.ticketId);
    case "closeno":
      return handleCloseCancel();
    default:
      return Promise.resolve(UNKNOWN_COMPONENT);
  }
}

function routeModal(input: ModalInput, ctx: HandlerContext): Promise<Reply> {
  const id = decodeCustomId(input.customId);
  return id?.action === "openform"
    ? handleOpenForm(input, ctx, id.typeId)
    : Promise.resolve(UNKNOWN_COMPONENT);
}

/** The answer to a Discord failure whose kind says what the member or an admin can do. */
export function discordFailureReply(error: DiscordRequestError): Reply | null {
  const failure = error.failure;
  switch (failure.kind) {
    case "missing_permissions":
    case "missing_access":
      return refuse(
        "bot_missing_permissions",
        "I lack a permission I need here (Manage Channels / Manage Roles / View Channel). Ask an admin to run `ticketeer check` or fix my role.",
      );
    case "unknown_channel":
      return refuse("channel_missing", "That channel no longer exists.");
    case "unknown_member":
      return refuse("member_missing", "That user is not a member of this server.");
    case "unknown_role":
      return refuse("invalid_value", "That role no longer exists.");
    case "unknown_message":
      return refuse("unknown_component", "That message no longer exists.");
    case "guild_channel_limit":
      return refuse(
        "guild_channel_limit",
        "This server has reached Discord's limit of 500 channels. Ask an admin to delete some.",
      );
    case "category_full":
      return refuse(
        "guild_channel_limit",
        "That category already holds Discord's maximum of 50 channels. Ask an admin to choose another one.",
      );
    case "cannot_dm":
      return refuse("not_allowed", "That member does not accept direct messages from me.");
    case "rate_limited":
      return refuse(
        "rate_limited",
        `Discord asked me to slow down. Please try again in ${
          Math.max(1, Math.ceil(failure.retryAfterMs / 1000))
        } seconds.`,
      );
    case "unavailable":
      return refuse(
        "discord_unavailable",
        "Discord is not answering right now. Please try again in a minute.",
      );
    case "other":
      return null;
  }
}

/** The apology for a failure on our side. */
export function errorReply(errorId: string): Reply {
  return refuse("internal_error", apologyText(errorId));
}

/** Routes `input` to its handler and answers every outcome, including a throw. */
export async function dispatch(input: InteractionInput, ctx: HandlerContext): Promise<Reply> {
  try {
    switch (input.kind) {
      case "command":
        return await routeCommand(input, ctx);
      case "component":
        return await routeComponent(input, ctx);
      case "modal":
        return await routeModal(input, ctx);
    }
  } catch (error) {
    const where = {
      kind: input.kind,
      name: input.kind === "command"
        ? [input.name, input.group, input.subcommand].filter((p) => p !== null).join(" ")
        : input.customId,
      guildId: input.guildId,
      channelId: input.channelId,
      userId: input.member.user.id,
      interactionId: input.id,
    };
    if (error instanceof DiscordRequestError) {
      const reply = discordFailureReply(error);
      if (reply !== null) {
        ctx.log.warn("Interaction {name} failed with Discord error {failure}", {
          ...where,
          failure: error.failure.kind,
          error,
        });
        return reply;
      }
    }
    const errorId = newErrorId();
    ctx.log.error("Interaction {name} failed; error id {errorId}", { ...where, errorId, error });
    return errorReply(errorId);
  }
}
