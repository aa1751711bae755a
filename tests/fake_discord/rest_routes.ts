import type { Handler } from "./context.ts";
import * as guilds from "./routes_guilds.ts";
import * as interactions from "./routes_interactions.ts";
import * as messages from "./routes_messages.ts";
import * as misc from "./routes_misc.ts";
import * as threads from "./threads.ts";

/** One REST route: method, Discord's spec path (`{param}` segments) and its handler. */
export interface RestRoute {
  method: string;
  specPath: string;
  handler: Handler;
  /** Webhook and interaction-callback routes are authorised by their token, not the bot's. */
  tokenAuth: boolean;
}

const route = (
  method: string,
  specPath: string,
  handler: Handler,
  tokenAuth = false,
): RestRoute => ({
  method,
  specPath,
  handler,
  tokenAuth,
});

/** The application command routes below `base` (global or one guild's). */
const commandRoutes = (base: string): RestRoute[] => [
  route("GET", `${base}/commands`, misc.listCommands),
  route("PUT", `${base}/commands`, misc.overwriteCommands),
  route("POST", `${base}/commands`, misc.createCommand),
  route("DELETE", `${base}/commands/{command_id}`, misc.deleteCommand),
];

/** GET, PATCH and DELETE of one webhook message (`@original` or an id segment). */
const webhookMessageRoutes = (message: string): RestRoute[] =>
  ["GET", "PATCH", "DELETE"].map((method) =>
    route(
      method,
      `/webhooks/{webhook_id}/{webhook_token}/messages/${message}`,
      interactions.webhookMessage,
      true,
    )
  );

/** Every REST route the fake serves, below `/api/v10`. */
export const ROUTES: RestRoute[] = [
  route("GET", "/gateway/bot", misc.gatewayBot),
  route("GET", "/gateway", misc.gateway, true),
  route("GET", "/users/@me", misc.currentUser),
  route("GET", "/users/@me/guilds", misc.currentUserGuilds),
  route("GET", "/users/{user_id}", misc.getUser),
  route("POST", "/users/@me/channels", misc.openDm),
  route("GET", "/applications/@me", misc.currentApplication),
  ...commandRoutes("/applications/{application_id}"),
  ...commandRoutes("/applications/{application_id}/guilds/{guild_id}"),
  route("GET", "/guilds/{guild_id}", guilds.getGuild),
  route("GET", "/guilds/{guild_id}/channels", guilds.listGuildChannels),
  route("POST", "/guilds/{guild_id}/channels", guilds.createGuildChannel),
  route("GET", "/guilds/{guild_id}/roles", guilds.listRoles),
  route("POST", "/guilds/{guild_id}/roles", guilds.createRole),
  route("DELETE", "/guilds/{guild_id}/roles/{role_id}", guilds.deleteRole),
  route("GET", "/guilds/{guild_id}/members", guilds.listMembers),
  route("GET", "/guilds/{guild_id}/members/{user_id}", guilds.getMember),
  route("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", guilds.addMemberRole),
  route("DELETE", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", guilds.addMemberRole),
  route("GET", "/channels/{channel_id}", guilds.getChannel),
  route("PATCH", "/channels/{channel_id}", guilds.editChannel),
  route("DELETE", "/channels/{channel_id}", guilds.deleteChannel),
  route("PUT", "/channels/{channel_id}/permissions/{overwrite_id}", guilds.putOverwrite),
  route("DELETE", "/channels/{channel_id}/permissions/{overwrite_id}", guilds.deleteOverwrite),
  route("POST", "/channels/{channel_id}/threads", threads.startThread),
  route("GET", "/guilds/{guild_id}/threads/active", threads.listActiveThreads),
  route("PUT", "/channels/{channel_id}/thread-members/{user_id}", threads.addThreadMember),
  route("DELETE", "/channels/{channel_id}/thread-members/{user_id}", threads.removeThreadMember),
  route("GET", "/channels/{channel_id}/messages", messages.listMessages),
  route("POST", "/channels/{channel_id}/messages", messages.createMessage),
  route("GET", "/channels/{channel_id}/messages/{message_id}", messages.getMessage),
  route("PATCH", "/channels/{channel_id}/messages/{message_id}", messages.editMessage),
  route("DELETE", "/channels/{channel_id}/messages/{message_id}", messages.deleteMessage),
  route("POST", "/channels/{channel_id}/typing", messages.triggerTyping),
  route(
    "POST",
    "/interactions/{interaction_id}/{interaction_token}/callback",
    interactions.interactionCallback,
    true,
  ),
  route("POST", "/webhooks/{webhook_id}/{webhook_token}", interactions.executeWebhook, true),
  ...webhookMessageRoutes("@original"),
  ...webhookMessageRoutes("{message_id}"),
];

/** Finds the route for a method and path; literal segments win over parameters. */
export function findRoute(
  method: string,
  path: string,
): { route: RestRoute; params: Record<string, string> } | null {
  const parts = path.split("/").slice(1);
  let best: { route: RestRoute; params: Record<string, string>; literals: number } | null = null;
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const spec = candidate.specPath.split("/").slice(1);
    if (spec.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    for (let i = 0; i < spec.length; i++) {
      const want = spec[i] ?? "";
      const have = decodeURIComponent(parts[i] ?? "");
      if (want.startsWith("{")) {
        params[want.slice(1, -1)] = have;
      } else if (want === have) {
        literals++;
      } else {
        ok = false;
        break;
      }
    }
    if (ok && (best === null || literals > best.literals)) {
      best = { route: candidate, params, literals };
    }
  }
  return best === null ? null : { route: best.route, params: best.params };
}
