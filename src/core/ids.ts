/**
 * Discord snowflakes, kept as strings end to end and branded by what they name,
 * so a channel id cannot be passed where a user id is expected.
 */
declare const brand: unique symbol;

/** A Discord snowflake that names a `K` (guild, channel, user, role, message). */
export type Snowflake<K extends string> = string & { readonly [brand]: K };

export type GuildId = Snowflake<"guild">;
export type ChannelId = Snowflake<"channel">;
export type UserId = Snowflake<"user">;
export type RoleId = Snowflake<"role">;
export type MessageId = Snowflake<"message">;
export type ApplicationId = Snowflake<"application">;

const SNOWFLAKE = /^[0-9]{1,20}$/;

/** True when `value` has the shape of a Discord snowflake (1-20 decimal digits). */
export function isSnowflake(value: unknown): value is string {
  return typeof value === "string" && SNOWFLAKE.test(value);
}

/** Brands a snowflake string; throws `SyntaxError` when it is not one. */
export function snowflake<K extends string>(value: string): Snowflake<K> {
  if (!isSnowflake(value)) {
    throw new SyntaxError(
      `Cannot read snowflake: "${value}" is not 1-20 digits`,
    );
  }
  return value as Snowflake<K>;
}

export const guildId = (value: string): GuildId => snowflake<"guild">(value);
export const channelId = (value: string): ChannelId => snowflake<"channel">(value);
export const userId = (value: string): UserId => snowflake<"user">(value);
export const roleId = (value: string): RoleId => snowflake<"role">(value);
export const messageId = (value: string): MessageId => snowflake<"message">(value);

/** Milliseconds between the Unix epoch and Discord's snowflake epoch (2015-01-01). */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The creation time encoded in a snowflake (the Unix epoch when `id` is not one). */
export function snowflakeTime(id: string): Date {
  if (!isSnowflake(id)) return new Date(0);
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS));
}

/** Orders snowflakes by value (as numbers, not as text). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
