/** `/config set …`: changes one ticket setting, refusing values that cannot work. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../errors.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { option, stringOption } from "../command_options.ts";
import { recordAction } from "../audit_log.ts";
import { MAX_QUESTION_LENGTH, MAX_SCHEME_LENGTH, MAX_WELCOME_LENGTH } from "../commands.ts";
import type { GuildSettingsPatch, TicketType, TicketTypePatch } from "../model.ts";
import { schemeProblem } from "../tickets/channel_name.ts";

type Change =
  | { type: TicketTypePatch; settings?: undefined; said: string }
  | { settings: GuildSettingsPatch; type?: undefined; said: string };

const invalid = (text: string): Reply => refuse("invalid_value", text);

async function change(
  input: CommandInput,
  ctx: HandlerContext,
  current: TicketType,
): Promise<Change | Reply> {
  switch (input.subcommand) {
    case "staff_role_add": {
      const role = option(input, "role", "role");
      if (role === null) return invalid("Choose a role.");
      if (role.value === (input.guildId as string)) {
        return invalid("@everyone cannot be a staff role.");
      }
      const roles = await ctx.discord.roles(input.guildId);
      const found = roles.find((r) => r.id === role.value);
      if (found === undefined) return invalid("That role no longer exists. Pick another one.");
      if (found.managed) return invalid("That role belongs to an integration; pick a normal role.");
      if (current.staffRoleIds.includes(role.value)) {
        return invalid(`<@&${role.value}> is already a staff role.`);
      }
      return {
        type: { staffRoleIds: [...current.staffRoleIds, role.value] },
        said: `<@&${role.value}> is now a staff role.`,
      };
    }
    case "staff_role_remove": {
      const role = option(input, "role", "role");
      if (role === null) return invalid("Choose a role.");
      if (!current.staffRoleIds.includes(role.value)) {
        return invalid(`<@&${role.value}> is not a staff role.`);
      }
      return {
        type: { staffRoleIds: current.staffRoleIds.filter((id) => id !== role.value) },
        said: `<@&${role.value}> is no longer a staff role.`,
      };
    }
    case "category": {
      const chosen = option(input, "category", "channel");
      if (chosen === null) return invalid("Choose a category.");
      const channel = await ctx.discord.channel(chosen.value);
      if (channel === null || channel.guildId !== input.guildId) {
        return invalid("That channel no longer exists.");
      }
      if (channel.kind !== "category") return invalid("That channel is not a category.");
      return { type: { categoryId: channel.id }, said: `New tickets go to ${channel.name}.` };
    }
    case "log_channel": {
      const chosen = option(input, "channel", "channel");
      if (chosen === null) {
        return { settings: { logChannelId: null }, said: "The log channel is off." };
      }
      const channel = await ctx.discord.channel(chosen.value);
      if (channel === null || channel.guildId !== input.guildId) {
        return invalid("That channel no longer exists.");
      }
      if (channel.kind !== "text") return invalid("The log channel must be a text channel.");
      return {
        settings: { logChannelId: channel.id },
        said: `The ticket log goes to <#${channel.id}>.`,
      };
    }
    case "max_open": {
      const limit = option(input, "limit", "integer")?.value;
      if (limit === undefined || !Number.isInteger(limit) || limit < 1 || limit > 100) {
        return invalid("The limit must be a whole number from 1 to 100.");
      }
      return {
        type: { maxOpenPerMember: limit },
        said: `A member may have ${limit} open ticket${limit === 1 ? "" : "s"}.`,
      };
    }
    case "naming_scheme": {
      const scheme = stringOption(input, "scheme") ?? "";
      if (scheme.length === 0 || scheme.length > MAX_SCHEME_LENGTH) {
        return invalid(`The scheme must be 1 to ${MAX_SCHEME_LENGTH} characters.`);
      }
      const problem = schemeProblem(scheme);
      if (problem !== null) return invalid(`That naming scheme cannot work: ${problem}.`);
      return { type: { namingScheme: scheme }, said: `New tickets are named \`${scheme}\`.` };
    }
    case "welcome_text": {
      const text = stringOption(input, "text") ?? "";
      if (text.length > MAX_WELCOME_LENGTH) {
        return invalid(`The welcome text may be at most ${MAX_WELCOME_LENGTH} characters.`);
      }
      const clear = text === "" || text.toLowerCase() === "none";
      return {
        type: { welcomeText: clear ? null : text },
        said: clear ? "New tickets use the default welcome text." : "The welcome text is saved.",
      };
    }
    case "transcript_dm": {
      const enabled = option(input, "enabled", "boolean")?.value;
      if (enabled === undefined) return invalid("Choose on or off.");
      return {
        settings: { transcriptDm: enabled },
        said: enabled
          ? "Openers get their transcript by DM."
          : "Openers no longer get transcripts by DM.",
      };
    }
    case "openers_may_add": {
      const enabled = option(input, "enabled", "boolean")?.value;
      if (enabled === undefined) return invalid("Choose on or off.");
      return {
        type: { openersMayAddMembers: enabled },
        said: enabled
          ? "Openers may add and remove members."
          : "Only staff may add and remove members.",
      };
    }
    case "question": {
      const text = stringOption(input, "text") ?? "";
      if (text === "" || text.toLowerCase() === "none") {
        return { type: { questions: [] }, said: "Tickets open without a question." };
      }
      if (text.length > MAX_QUESTION_LENGTH) {
        return invalid(`The question may be at most ${MAX_QUESTION_LENGTH} characters.`);
      }
      return { type: { questions: [text] }, said: `The panel asks: "${text}"` };
    }
    default:
      return refuse("unknown_component", "That setting does not exist.");
  }
}

/** Handles every `/config set` subcommand. */
export async function handleConfigSet(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  if (!allowed("config", input.member)) {
    return refuse("not_admin", "Only members with Manage Server can change the ticket settings.");
  }
  const type = await ctx.types.defaultFor(input.guildId);
  const outcome = await change(input, ctx, type);
  if ("kind" in outcome) return outcome;
  if (outcome.type !== undefined) await ctx.types.update(type.id, outcome.type);
  if (outcome.settings !== undefined) {
    await ctx.settings.updateGuild(input.guildId, outcome.settings);
  }
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "config.set",
      detail: { setting: input.subcommand, ...(outcome.type ?? outcome.settings) },
    },
    `<@${input.member.user.id}> changed the setting ${input.subcommand}: ${outcome.said}`,
  );
  return ephemeral({ content: outcome.said, allowed_mentions: { parse: [] } });
}
