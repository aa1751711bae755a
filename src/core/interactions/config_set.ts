/** `/config set ...`: changes one ticket setting, refusing values that cannot work. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { recordSettingChange } from "./record_setting_change.ts";
import type { GuildSettingsPatch, TicketType, TicketTypePatch } from "../model.ts";
import { schemeProblem } from "../tickets/channel_name.ts";
import { reapplyReport, reapplyStaffRole } from "../tickets/staff_overwrites.ts";
import type { RoleId } from "../ids.ts";
import { handleConfigLanguage, LANGUAGE_OPTIONS } from "./config_language.ts";
import { defineSubcommandGroup, OptionType, type OptionValues } from "./define_command.ts";
import {
  booleanOption,
  channelOption,
  roleOption,
  subcommandOption as sub,
} from "./command_option.ts";
import { shortQuestion } from "../types/short_question.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";

/** Longest question text: Discord's text-input label limit. */
export const MAX_QUESTION_LENGTH = 45;
/** Longest welcome text, leaving room in the 2,000-character message for mentions. */
export const MAX_WELCOME_LENGTH = 1500;
/** Longest naming scheme (the channel name itself is cut to 100). */
export const MAX_SCHEME_LENGTH = 100;

const SETTINGS = [
  sub("staff_role_add", "Add a staff role", [
    roleOption("role", "Role to add", { required: true }),
  ]),
  sub("staff_role_remove", "Remove a staff role", [
    roleOption("role", "Role to remove", { required: true }),
  ]),
  sub("category", "Category for new ticket channels", [
    channelOption("category", "The category", { kind: "category", required: true }),
  ]),
  sub("log_channel", "Channel for the ticket log (leave empty to turn the log off)", [
    channelOption("channel", "The log channel", { kind: "text", required: false }),
  ]),
  sub("max_open", "How many open tickets one member may have", [
    {
      type: OptionType.Integer,
      name: "limit",
      description: "Open tickets per member (1-100)",
      required: true,
      min_value: 1,
      max_value: 100,
    },
  ]),
  sub("naming_scheme", "Channel name scheme: {number} {username} {user_id}", [
    {
      type: OptionType.String,
      name: "scheme",
      description: "For example ticket-{number} or {username}-{number}",
      required: true,
      min_length: 1,
      max_length: MAX_SCHEME_LENGTH,
    },
  ]),
  sub("welcome_text", "Text of the welcome message in new tickets", [
    {
      type: OptionType.String,
      name: "text",
      description: 'The welcome text ("none" for the default)',
      required: true,
      min_length: 1,
      max_length: MAX_WELCOME_LENGTH,
    },
  ]),
  sub("transcript_dm", "Send the opener a transcript by DM on close", [
    booleanOption("enabled", "On or off"),
  ]),
  sub("openers_may_add", "Whether openers may add and remove members", [
    booleanOption("enabled", "On or off"),
  ]),
  sub("question", 'A question the panel asks before opening (empty or "none" clears)', [
    {
      type: OptionType.String,
      name: "text",
      description: "The question, shown in a form",
      required: false,
      max_length: MAX_QUESTION_LENGTH,
    },
  ]),
  sub("language", "The language of the bot's public messages in this server", LANGUAGE_OPTIONS),
] as const;

type Settings = OptionValues<typeof SETTINGS>;

/** `/config set <setting> ...`: one handler for every setting. */
export const configSet = defineSubcommandGroup({
  name: "set",
  description: "Change a ticket setting",
  subcommands: SETTINGS,
  handler: handleConfigSet,
});

/** A sentence about the change, in the language of whoever reads it. */
type Said = (tr: Translator) => string;

type Change =
  | {
    type: TicketTypePatch;
    settings?: undefined;
    said: Said;
    staffRole?: { roleId: RoleId; change: "add" | "remove" };
  }
  | { settings: GuildSettingsPatch; type?: undefined; said: Said; staffRole?: undefined };

const invalid = (text: string): Reply => refuse("invalid_value", text);

async function change(
  input: CommandInput,
  ctx: HandlerContext,
  current: TicketType,
  options: Settings,
): Promise<Change | Reply> {
  const tr = readerText(input);
  switch (input.subcommand) {
    case "staff_role_add": {
      const role = options.role;
      if (role === null) return invalid(tr.t("config_set.choose_role"));
      if (role.value === (input.guildId as string)) {
        return invalid(tr.t("config_set.everyone_role"));
      }
      const roles = await ctx.discord.roles(input.guildId);
      const found = roles.find((r) => r.id === role.value);
      if (found === undefined) return invalid(tr.t("settings.role_gone"));
      if (found.managed) return invalid(tr.t("config_set.role_managed"));
      if (current.staffRoleIds.includes(role.value)) {
        return invalid(tr.t("config_set.already_staff", { role: role.value }));
      }
      return {
        type: { staffRoleIds: [...current.staffRoleIds, role.value] },
        said: (t) => t.t("config_set.staff_added", { role: role.value }),
        staffRole: { roleId: role.value, change: "add" },
      };
    }
    case "staff_role_remove": {
      const role = options.role;
      if (role === null) return invalid(tr.t("config_set.choose_role"));
      if (!current.staffRoleIds.includes(role.value)) {
        return invalid(tr.t("config_set.not_staff", { role: role.value }));
      }
      return {
        type: { staffRoleIds: current.staffRoleIds.filter((id) => id !== role.value) },
        said: (t) => t.t("config_set.staff_removed", { role: role.value }),
        staffRole: { roleId: role.value, change: "remove" },
      };
    }
    case "category": {
      const chosen = options.category;
      if (chosen === null) return invalid(tr.t("config_set.choose_category"));
      const channel = await ctx.discord.channel(chosen.value);
      if (channel === null || channel.guildId !== input.guildId) {
        return invalid(tr.t("config_set.channel_gone"));
      }
      if (channel.kind !== "category") return invalid(tr.t("config_set.not_category"));
      return {
        type: { categoryId: channel.id },
        said: (t) => t.t("config_set.category_set", { name: channel.name }),
      };
    }
    case "log_channel": {
      const chosen = options.channel;
      if (chosen === null) {
        return { settings: { logChannelId: null }, said: (t) => t.t("config_set.log_off") };
      }
      const channel = await ctx.discord.channel(chosen.value);
      if (channel === null || channel.guildId !== input.guildId) {
        return invalid(tr.t("config_set.channel_gone"));
      }
      if (channel.kind !== "text") return invalid(tr.t("config_set.log_not_text"));
      return {
        settings: { logChannelId: channel.id },
        said: (t) => t.t("config_set.log_set", { channel: channel.id }),
      };
    }
    case "max_open": {
      const limit = options.limit;
      if (limit === null || !Number.isInteger(limit) || limit < 1 || limit > 100) {
        return invalid(tr.t("config_set.limit_range"));
      }
      return {
        type: { maxOpenPerMember: limit },
        said: (t) => t.t("config_set.limit_set", { limit }),
      };
    }
    case "naming_scheme": {
      const scheme = options.scheme ?? "";
      if (scheme.length === 0 || scheme.length > MAX_SCHEME_LENGTH) {
        return invalid(tr.t("config_set.scheme_length", { max: MAX_SCHEME_LENGTH }));
      }
      const problem = schemeProblem(scheme);
      if (problem !== null) return invalid(tr.t("config_set.scheme_problem", { problem }));
      return {
        type: { namingScheme: scheme },
        said: (t) => t.t("config_set.scheme_set", { scheme }),
      };
    }
    case "welcome_text": {
      const text = options.text ?? "";
      if (text.length > MAX_WELCOME_LENGTH) {
        return invalid(tr.t("config_set.welcome_length", { max: MAX_WELCOME_LENGTH }));
      }
      const clear = text === "" || text.toLowerCase() === "none";
      return {
        type: { welcomeText: clear ? null : text },
        said: (t) => clear ? t.t("config_set.welcome_default") : t.t("config_set.welcome_saved"),
      };
    }
    case "transcript_dm": {
      const enabled = options.enabled;
      if (enabled === null) return invalid(tr.t("config_set.choose_on_off"));
      return {
        settings: { transcriptDm: enabled },
        said: (t) => enabled ? t.t("config_set.dm_on") : t.t("config_set.dm_off"),
      };
    }
    case "openers_may_add": {
      const enabled = options.enabled;
      if (enabled === null) return invalid(tr.t("config_set.choose_on_off"));
      return {
        type: { openersMayAddMembers: enabled },
        said: (t) => enabled ? t.t("config_set.add_on") : t.t("config_set.add_off"),
      };
    }
    case "question": {
      const text = options.text ?? "";
      if (text === "" || text.toLowerCase() === "none") {
        return { type: { questions: [] }, said: (t) => t.t("config_set.no_question") };
      }
      if (text.length > MAX_QUESTION_LENGTH) {
        return invalid(tr.t("config_set.question_length", { max: MAX_QUESTION_LENGTH }));
      }
      return {
        type: { questions: [shortQuestion(text)] },
        said: (t) => t.t("config_set.question_set", { text }),
      };
    }
    default:
      return refuse("unknown_component", tr.t("config_set.unknown"));
  }
}

/** Handles every `/config set` subcommand. */
export async function handleConfigSet(
  input: CommandInput,
  ctx: HandlerContext,
  options: Settings,
): Promise<Reply> {
  if (input.subcommand === "language") return await handleConfigLanguage(input, ctx, options);
  const tr = readerText(input);
  if (!allowed("config", input.member)) return refuse("not_admin", tr.t("config_set.not_admin"));
  const type = await ctx.types.defaultFor(input.guildId);
  const outcome = await change(input, ctx, type, options);
  if ("kind" in outcome) return outcome;
  if (outcome.type !== undefined) await ctx.types.update(type.id, outcome.type);
  if (outcome.settings !== undefined) {
    await ctx.settings.updateGuild(input.guildId, outcome.settings);
  }
  let said = outcome.said(tr);
  if (outcome.staffRole !== undefined) {
    await ctx.defer({ ephemeral: true });
    const result = await reapplyStaffRole(ctx, {
      guildId: input.guildId,
      typeId: type.id,
      ...outcome.staffRole,
    });
    said = `${said} ${reapplyReport(result, tr)}`;
  }
  const guild = await guildText(ctx, input);
  await recordSettingChange(input, ctx, {
    detail: { setting: input.subcommand, ...(outcome.type ?? outcome.settings) },
    line: guild.t("config_set.audit", {
      user: input.member.user.id,
      setting: input.subcommand ?? "",
      said: outcome.said(guild),
    }),
  });
  return ephemeral({ content: said, allowed_mentions: { parse: [] } });
}
