/**
 * What `ticketeer check` says about each guild: permissions the bot lacks and
 * configured channels or roles that no longer exist, as plain sentences an
 * operator can act on without reading the code.
 */
import type { HandlerContext } from "./context.ts";
import type { GuildId, RoleId, UserId } from "./ids.ts";
import { hasPermission, Permission } from "./permissions_bits.ts";
import type { Channel, Member, Role } from "./discord_port.ts";
import type { TicketType } from "./model.ts";
import { permissionsIn } from "./tickets/channel_permissions.ts";
import { missingForThreads } from "./tickets/thread_permissions.ts";

/** The ports the check reads through (a handler context fits). */
export type GuildCheckContext = Pick<HandlerContext, "settings" | "types" | "discord">;

/** A permission the bot needs in every guild, and what breaks without it. */
interface RequiredPermission {
  name: string;
  bit: bigint;
  consequence: string;
}

/** Guild-wide permissions the bot needs, in the order they are reported. */
export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  {
    name: "View Channel",
    bit: Permission.ViewChannel,
    consequence: "it cannot see channels, so it cannot manage tickets at all",
  },
  {
    name: "Manage Channels",
    bit: Permission.ManageChannels,
    consequence: "it cannot create ticket channels or delete them on close",
  },
  {
    name: "Manage Roles",
    bit: Permission.ManageRoles,
    consequence: "it cannot give members access to ticket channels",
  },
  {
    name: "Send Messages",
    bit: Permission.SendMessages,
    consequence: "it cannot post welcome messages, panels or log entries",
  },
  {
    name: "Embed Links",
    bit: Permission.EmbedLinks,
    consequence: "its panels, welcome messages and close summaries show up empty",
  },
  {
    name: "Attach Files",
    bit: Permission.AttachFiles,
    consequence: "it cannot attach transcripts to the log channel or to DMs",
  },
  {
    name: "Read Message History",
    bit: Permission.ReadMessageHistory,
    consequence: "it cannot read a ticket's messages, so transcripts come out empty",
  },
];

const FIX_PERMISSION =
  "Fix: in Server Settings \u2192 Roles, give the bot's role this permission (or re-invite the bot with it).";

/** Options of `checkGuild`. */
export interface CheckGuildOptions {
  /** The guild's name for the report (looked up when not given). */
  guildName?: string;
}

/**
 * Lists what stops the bot from working in one guild, one sentence per problem;
 * an empty list means nothing is wrong. Discord failures while reading become a
 * line too, so one unreadable guild never hides the others.
 */
export async function checkGuild(
  ctx: GuildCheckContext,
  guildId: GuildId,
  botUserId: UserId,
  options: CheckGuildOptions = {},
): Promise<string[]> {
  const name = options.guildName ?? await guildName(ctx, guildId);
  const prefix = `Guild ${guildId}${name === null ? "" : ` "${name}"`}:`;
  const lines: string[] = [];

  let roles: Role[];
  let channels: Channel[];
  let member;
  try {
    [roles, channels, member] = await Promise.all([
      ctx.discord.roles(guildId),
      ctx.discord.guildChannels(guildId),
      ctx.discord.member(guildId, botUserId),
    ]);
  } catch (error) {
    return [
      `${prefix} could not read its roles and channels (${describeError(error)}). ` +
      "Fix: make sure the bot is still in this guild and has View Channel, then run the check again.",
    ];
  }

  if (member === null) {
    lines.push(
      `${prefix} the bot is not a member of this guild. Fix: invite it again from the developer portal.`,
    );
  } else {
    const base = basePermissions(guildId, member.roles, roles);
    for (const wanted of REQUIRED_PERMISSIONS) {
      if (!hasPermission(base, wanted.bit)) {
        lines.push(
          `${prefix} the bot lacks ${wanted.name} \u2014 ${wanted.consequence}. ${FIX_PERMISSION}`,
        );
      }
    }
  }

  const settings = await ctx.settings.guild(guildId);
  const type = await ctx.types.defaultFor(guildId);
  const channelById = new Map(channels.map((channel) => [channel.id as string, channel]));
  const roleIds = new Set(roles.map((role) => role.id as string));

  if (type.categoryId !== null) {
    const category = channelById.get(type.categoryId);
    if (category === undefined) {
      lines.push(
        `${prefix} the ticket category ${type.categoryId} no longer exists \u2014 new tickets cannot be opened. ` +
          "Fix: run /setup to create one, or choose another with /config set category.",
      );
    } else if (category.kind !== "category") {
      lines.push(
        `${prefix} the ticket category setting points at #${category.name}, which is not a category. ` +
          "Fix: choose a category with /config set category.",
      );
    }
  }

  if (settings.logChannelId !== null) {
    const logChannel = channelById.get(settings.logChannelId);
    if (logChannel === undefined) {
      lines.push(
        `${prefix} the log channel ${settings.logChannelId} no longer exists \u2014 closed tickets and their transcripts are not posted anywhere. ` +
          "Fix: run /setup, or choose another with /config set log_channel.",
      );
    } else if (logChannel.kind !== "text") {
      lines.push(
        `${prefix} the log channel setting points at ${logChannel.name}, which is not a text channel. ` +
          "Fix: choose a text channel with /config set log_channel.",
      );
    }
  }

  if (member !== null) {
    const base = basePermissions(guildId, member.roles, roles);
    for (const threaded of (await ctx.types.list(guildId)).filter((t) => t.mode === "thread")) {
      lines.push(...threadTypeProblems(prefix, threaded, { channelById, member, base, guildId }));
    }
  }

  const missingRoles = type.staffRoleIds.filter((id: RoleId) => !roleIds.has(id));
  for (const id of missingRoles) {
    lines.push(
      `${prefix} the staff role ${id} no longer exists \u2014 its members no longer see new tickets. ` +
        "Fix: remove it with /config set staff_role_remove and add the right one with /config set staff_role_add.",
    );
  }
  if (type.staffRoleIds.length > 0 && missingRoles.length === type.staffRoleIds.length) {
    lines.push(
      `${prefix} no staff role is left \u2014 only administrators can see and handle tickets. ` +
        "Fix: add one with /config set staff_role_add, or run /setup.",
    );
  }
  return lines;
}

/** A guild's lines in a `ticketeer check` report, all good or each problem. */
export interface GuildCheckReport {
  ok: boolean;
  lines: string[];
}

/** Checks every guild the bot is in; one line per healthy guild, one per problem. */
export async function checkGuilds(
  ctx: GuildCheckContext,
  botUserId: UserId,
): Promise<GuildCheckReport> {
  const guilds = await ctx.discord.guilds();
  if (guilds.length === 0) {
    return {
      ok: true,
      lines: [
        "The bot is in no guild yet. Invite it with the OAuth2 URL from the developer portal.",
      ],
    };
  }
  const lines: string[] = [];
  let ok = true;
  for (const guild of guilds) {
    const problems = await checkGuild(ctx, guild.id, botUserId, { guildName: guild.name });
    if (problems.length === 0) lines.push(`Guild ${guild.id} "${guild.name}": ready.`);
    else {
      ok = false;
      lines.push(...problems);
    }
  }
  return { ok, lines };
}

/**
 * A member's guild-wide permissions: the @everyone role (whose id is the guild's)
 * plus every role they hold. Administrator stands for every permission.
 */
export function basePermissions(
  guildId: GuildId,
  memberRoles: readonly RoleId[],
  roles: readonly Role[],
): bigint {
  const held = new Set<string>([guildId, ...memberRoles]);
  let permissions = 0n;
  for (const role of roles) {
    if (held.has(role.id)) permissions |= role.permissions;
  }
  return permissions;
}

/** What stops a thread-mode type from opening tickets: its parent channel, the bot's permissions there. */
function threadTypeProblems(
  prefix: string,
  type: TicketType,
  known: { channelById: Map<string, Channel>; member: Member; base: bigint; guildId: GuildId },
): string[] {
  const where = `the type "${type.name}" opens private threads`;
  const parent = type.parentChannelId === null
    ? undefined
    : known.channelById.get(type.parentChannelId);
  if (parent === undefined || parent.kind !== "text") {
    return [
      `${prefix} ${where} but its parent channel is not set, gone or not a text channel \u2014 its tickets cannot be opened. ` +
      "Fix: choose a text channel with /type set setting:parent_channel.",
    ];
  }
  const missing = missingForThreads(
    permissionsIn(parent, known.member, { guildId: known.guildId, base: known.base }),
  );
  return missing.length === 0 ? [] : [
    `${prefix} ${where} in #${parent.name}, where the bot lacks ${
      missing.join(", ")
    } \u2014 its tickets cannot be opened. ` +
    "Fix: give the bot's role these permissions in that channel.",
  ];
}

async function guildName(ctx: GuildCheckContext, guildId: GuildId): Promise<string | null> {
  try {
    const guilds = await ctx.discord.guilds();
    return guilds.find((guild) => guild.id === guildId)?.name ?? null;
  } catch {
    return null;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
