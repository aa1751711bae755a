/**
 * A gateway close Discord does not let a bot recover from (a refused token, an
 * invalid shard, intents that are invalid or not enabled), with the one line
 * that tells an operator what to do about it.
 */

/** Discord closed the gateway with a code after which no reconnect can succeed. */
export class GatewayClosedError extends Error {
  /** The WebSocket close code. */
  readonly code: number;

  constructor(code: number, reason: string, options: { serverMembers?: boolean } = {}) {
    super(fatalCloseMessage(code, reason, options));
    this.name = "GatewayClosedError";
    this.code = code;
  }
}

/** Close codes on which discordeno gives up (it throws where nothing can catch it). */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

/** Where in the developer portal the Message Content intent is turned on. */
export const MESSAGE_CONTENT_TOGGLE =
  "Bot \u2192 Privileged Gateway Intents \u2192 Message Content Intent";

/** Where in the developer portal the Server Members intent is turned on. */
export const SERVER_MEMBERS_TOGGLE =
  "Bot \u2192 Privileged Gateway Intents \u2192 Server Members Intent";

/**
 * What an operator must do about a fatal close, in one line; `serverMembers`: the
 * gateway also asked for the Server Members intent (`SERVER_MEMBERS_INTENT=on`).
 */
export function fatalCloseMessage(
  code: number,
  reason: string,
  options: { serverMembers?: boolean } = {},
): string {
  const said = reason === "" ? "" : ` (${reason})`;
  if (code === 4014 && options.serverMembers === true) {
    return `Discord closed the gateway with code 4014${said}: a privileged intent is not enabled; turn on ${MESSAGE_CONTENT_TOGGLE} and ${SERVER_MEMBERS_TOGGLE} in the developer portal, or set SERVER_MEMBERS_INTENT=off`;
  }
  if (code === 4014) {
    return `Discord closed the gateway with code 4014${said}: the Message Content intent is not enabled; turn on ${MESSAGE_CONTENT_TOGGLE} in the developer portal`;
  }
  if (code === 4004) {
    return `Discord closed the gateway with code 4004${said}: it refused the token; set DISCORD_TOKEN to the bot token from the developer portal`;
  }
  return `Discord closed the gateway with code ${code}${said}: it cannot reconnect`;
}
