/**
 * Discord-shaped interaction payloads built from the fake's state: the member's
 * and the bot's permissions in the channel are computed the way Discord does.
 */
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import { basePermissions, channelPermissions } from "../fake_discord/permissions.ts";

/** A command option as Discord sends it. */
export interface OptionPayload {
  name: string;
  type: number;
  value: string | number | boolean;
}

interface Where {
  guild: string;
  channel: string;
  user: string;
}

function base(fake: FakeDiscord, where: Where, type: number): Record<string, unknown> {
  const user = fake.state.users.get(where.user);
  if (user === undefined) throw new RangeError(`Cannot build a payload: no user ${where.user}`);
  const member = fake.state.member(where.guild, where.user);
  const channel = fake.state.channels.get(where.channel);
  const permissions = channelPermissions(fake.state, where.channel, where.user) ||
    basePermissions(fake.state, where.guild, where.user);
  return {
    type,
    application_id: fake.applicationId,
    guild_id: where.guild,
    channel_id: where.channel,
    channel: { id: where.channel, type: channel?.type ?? 0, name: channel?.name ?? "" },
    member: {
      user: {
        id: user.id,
        username: user.username,
        global_name: user.global_name,
        avatar: user.avatar,
        discriminator: "0",
      },
      roles: member?.roles ?? [],
      nick: null,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions: String(permissions),
    },
    app_permissions: String(channelPermissions(fake.state, where.channel, fake.botUser.id)),
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": where.guild },
    context: 0,
  };
}

/** A slash command, with an optional subcommand and options. */
export function commandPayload(
  fake: FakeDiscord,
  where: Where & { name: string; subcommand?: string; options?: OptionPayload[] },
): Record<string, unknown> {
  const options = where.options ?? [];
  return {
    ...base(fake, where, 2),
    data: {
      id: "1",
      name: where.name,
      type: 1,
      options: where.subcommand === undefined
        ? options
        : [{ name: where.subcommand, type: 1, options }],
    },
  };
}

/** A button press on a message. */
export function buttonPayload(
  fake: FakeDiscord,
  where: Where & { customId: string; messageId: string },
): Record<string, unknown> {
  const message = fake.state.messages.get(where.channel)?.find((m) => m.id === where.messageId);
  return {
    ...base(fake, where, 3),
    message: {
      id: where.messageId,
      channel_id: where.channel,
      content: message?.content ?? "",
      components: message?.components ?? [],
    },
    data: { custom_id: where.customId, component_type: 2 },
  };
}
