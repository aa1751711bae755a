/**
 * Signing in with Discord: the OAuth2 authorization-code flow with `state` and
 * PKCE (S256) through arctic's `OAuth2Client`, scope `identify`. The endpoints
 * come from `DISCORD_API_URL`: the authorize page on the API's web host
 * (`https://discord.com/oauth2/authorize`), the token endpoint and `users/@me`
 * below `{api}/v10`, so a Discord test double serves them all.
 */
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import { type UserId, userId } from "../core/ids.ts";

/** Discord's OAuth2 endpoints for an API base URL. */
export interface DiscordEndpoints {
  authorize: string;
  token: string;
  me: string;
}

/** The endpoints for `apiUrl` (e.g. `https://discord.com/api`). */
export function discordEndpoints(apiUrl: string): DiscordEndpoints {
  return {
    authorize: `${new URL(apiUrl).origin}/oauth2/authorize`,
    token: `${apiUrl}/v10/oauth2/token`,
    me: `${apiUrl}/v10/users/@me`,
  };
}

/** A sign-in under way: where to send the browser, and what to keep until it returns. */
export interface SignInStart {
  url: URL;
  state: string;
  verifier: string;
}

/** The person who signed in. */
export interface SignedInUser {
  userId: UserId;
  username: string;
}

/** The OAuth2 steps the web app takes. */
export interface DiscordSignIn {
  start(): SignInStart;
  /** Exchanges the code for a token and reads who it belongs to. */
  finish(code: string, verifier: string): Promise<SignedInUser>;
}

/** Sign-in for the application `clientId` with its secret, returning to `redirectUri`. */
export function createDiscordSignIn(
  endpoints: DiscordEndpoints,
  client: { clientId: string; clientSecret: string; redirectUri: string },
): DiscordSignIn {
  const oauth = new OAuth2Client(client.clientId, client.clientSecret, client.redirectUri);
  return {
    start() {
      const state = generateState();
      const verifier = generateCodeVerifier();
      const url = oauth.createAuthorizationURLWithPKCE(
        endpoints.authorize,
        state,
        CodeChallengeMethod.S256,
        verifier,
        ["identify"],
      );
      return { url, state, verifier };
    },
    async finish(code, verifier) {
      const tokens = await oauth.validateAuthorizationCode(endpoints.token, code, verifier);
      const response = await fetch(endpoints.me, {
        headers: { authorization: `Bearer ${tokens.accessToken()}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`Cannot read the signed-in user: Discord answered ${response.status}`);
      }
      const user = await response.json() as { id?: unknown; username?: unknown };
      if (typeof user.id !== "string" || typeof user.username !== "string") {
        throw new Error("Cannot read the signed-in user: users/@me has no id or username");
      }
      return { userId: userId(user.id), username: user.username };
    },
  };
}
