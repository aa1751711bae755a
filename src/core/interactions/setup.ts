/**
 * `/setup [category] [staff_role] [log_channel]`: uses what it is given, finds
 * what a previous run made (by stored id, then by name), and creates only what is
 * still missing, so running it twice creates nothing the second time.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId, RoleId } from "../ids.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import type { Channel, Role } from "../discord_port.ts";
import { staffOnlyOverwrites } from "../tickets/overwrites.ts";
import { missingForPrivacy, privacyRefusal } from "../tickets/bot_permissions.ts";
import { basePermissions } from "../guild_check.ts";
import { defineCommand, MANAGE_GUILD, type OptionValues } from "./define_command.ts";
import { channelOption, roleOption } from "./command_option.ts";
import { guildText, readerText } from "../language.ts";

/** Names of what `/setup` creates. */
export const SETUP_NAMES = { category: "Tickets", role: "Support", logChannel: "ticket-logs" };

const OPTIONS = [
  channelOption("category", 'Category for ticket channels (default: create "Tickets")', {
    kind: "category",
    required: false,
  }),
  roleOption("staff_role", 'Role that handles tickets (default: create "Support")', {
    required: false,
  }),
  channelOption("log_channel", 'Channel for the ticket log (default: create "ticket-logs")', {
    kind: "text",
    required: false,
  }),
] as const;

/** `/setup [category] [staff_role] [log_channel]`. */
export const setupCommand = defineCommand({
  name: "setup",
  description: "Set up tickets: category, staff role and log channel (created when missing)",
  default_member_permissions: MANAGE_GUILD,
  options: OPTIONS,
  handler: handleSetup,
});

/** Handles `/setup`. */
export async function handleSetup(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const tr = readerText(input);
  if (!allowed("setup", input.member)) return refuse("not_admin", tr.t("setup.not_admin"));
  await ctx.defer({ ephemeral: true });
  const guildId = input.guildId;
  const type = await ctx.types.defaultFor(guildId);
  const settings = await ctx.settings.guild(guildId);
  const channels = await ctx.discord.guildChannels(guildId);
  const roles = await ctx.discord.roles(guildId);
  const report: string[] = [];
  const guild = await guildText(ctx, input);
  // Discord judges what the bot may put in overwrites by its guild-wide
  // permissions, not by `app_permissions` of the channel /setup ran in.
  const bot = await ctx.discord.botUser();
  const member = await ctx.discord.member(guildId, bot.id);
  const held = member === null ? 0n : basePermissions(guildId, member.roles, roles);
  const missing = missingForPrivacy(held);
  if (missing.length > 0) return privacyRefusal(missing, "setup", { locale: input.locale });
  const byId = (id: ChannelId | null) => channels.find((c) => c.id === id);
  const byName = (name: string, kind: Channel["kind"]) =>
    channels.find((c) => c.kind === kind && c.name.toLowerCase() === name.toLowerCase());

  // Staff roles: keep the stored ones that still exist, add the given one.
  const roleExists = (id: RoleId) => roles.some((r) => r.id === id);
  const staffRoleIds = type.staffRoleIds.filter(roleExists);
  const givenRole = options.staff_role;
  if (givenRole !== null) {
    if (!roleExists(givenRole.value)) {
      return refuse("invalid_value", tr.t("settings.role_gone"));
    }
    if (givenRole.value === (guildId as string)) {
      return refuse("invalid_value", tr.t("setup.everyone_role"));
    }
    if (!staffRoleIds.includes(givenRole.value)) staffRoleIds.push(givenRole.value);
    const given = roles.find((r) => r.id === givenRole.value);
    report.push(
      given?.mentionable === false
        ? tr.t("setup.staff_role_unmentionable", { role: givenRole.value })
        : tr.t("setup.staff_role", { role: givenRole.value }),
    );
  } else if (staffRoleIds.length > 0) {
    report.push(
      tr.t("setup.staff_roles_kept", { roles: staffRoleIds.map((id) => `<@&${id}>`).join(", ") }),
    );
  } else {
    let role: Role | undefined = roles.find((r) =>
      r.name.toLowerCase() === SETUP_NAMES.role.toLowerCase() && !r.managed
    );
    if (role === undefined) {
      role = await ctx.discord.createRole(guildId, SETUP_NAMES.role);
      report.push(tr.t("setup.staff_role_created", { role: role.id }));
    } else {
      report.push(tr.t("setup.staff_role_found", { role: role.id }));
    }
    staffRoleIds.push(role.id);
  }

  const privateOverwrites = staffOnlyOverwrites({
    guildId,
    staffRoleIds,
    botId: bot.id,
    botPermissions: held,
  });

  /**
   * The channel of `kind` to use: the one given as option `optionName` (refused
   * when it is not of `kind`), else the stored one, else one named `name`, else a
   * new one.
   */
  const channelFor = async (want: {
    kind: "category" | "text";
    optionName: "category" | "log_channel";
    storedId: ChannelId | null;
    name: string;
    refusal: string;
    topic?: string;
  }): Promise<{ channel: Channel; how: "given" | "kept" | "created" } | Reply> => {
    const given = options[want.optionName];
    if (given !== null) {
      const found = byId(given.value);
      if (found === undefined || found.kind !== want.kind) {
        return refuse("invalid_value", want.refusal);
      }
      return { channel: found, how: "given" };
    }
    const stored = byId(want.storedId);
    const existing = stored?.kind === want.kind ? stored : byName(want.name, want.kind);
    if (existing !== undefined) return { channel: existing, how: "kept" };
    const created = await ctx.discord.createChannel(guildId, {
      name: want.name,
      kind: want.kind,
      ...(want.topic === undefined ? {} : { topic: want.topic }),
      overwrites: privateOverwrites,
    });
    return { channel: created, how: "created" };
  };

  const category = await channelFor({
    kind: "category",
    optionName: "category",
    storedId: type.categoryId,
    name: SETUP_NAMES.category,
    refusal: tr.t("setup.category_refusal"),
  });
  if (!("channel" in category)) return category;
  const categoryId = category.channel.id;
  report.push(tr.t("setup.category", { name: category.channel.name, how: category.how }));

  const logChannel = await channelFor({
    kind: "text",
    optionName: "log_channel",
    storedId: settings.logChannelId,
    name: SETUP_NAMES.logChannel,
    refusal: tr.t("setup.log_refusal"),
    topic: guild.t("setup.log_topic"),
  });
  if (!("channel" in logChannel)) return logChannel;
  const logChannelId = logChannel.channel.id;
  report.push(tr.t("setup.log_channel", { channel: logChannelId, how: logChannel.how }));

  await ctx.types.update(type.id, { categoryId, staffRoleIds });
  await ctx.settings.updateGuild(guildId, { logChannelId });
  await recordAction(
    ctx,
    {
      guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "setup",
      detail: { categoryId, staffRoleIds, logChannelId },
    },
    guild.t("setup.audit", { user: input.member.user.id }),
  );
  return ephemeral({
    content: tr.t("setup.done", { report: report.join("\n") }),
    allowed_mentions: { parse: [] },
  });
}
