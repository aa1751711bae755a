/**
 * Discord's OAuth2 authorization-code flow, as the fake serves it: the authorize
 * page on the web host (`/oauth2/authorize`, a form listing the fake's people, where
 * a test or a demo viewer picks who signs in), the token endpoint
 * (`POST /api/v10/oauth2/token`: client credentials, a one-time code, the same
 * `redirect_uri`, and the PKCE S256 verifier) and `GET /api/v10/users/@me` with a
 * Bearer token. A request Discord would refuse is recorded as a violation and
 * answered as Discord answers it.
 */
import type { FakeState } from "./state.ts";
import type { Violation } from "./types.ts";

/** A code handed out by the authorize page, waiting for its exchange. */
interface PendingCode {
  userId: string;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

/** What the OAuth2 routes need from the fake. */
export interface OAuth2Deps {
  state: FakeState;
  applicationId: string;
  clientSecret: string;
  violation(v: Omit<Violation, "at">): void;
}

/** How long a code stays valid (Discord's are short-lived: 10 minutes here). */
const CODE_TTL_MS = 10 * 60_000;
/** How long an access token lives (Discord's default: 7 days). */
const TOKEN_TTL_S = 604_800;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function randomToken(): string {
  return crypto.randomUUID().replaceAll("-", "") + crypto.randomUUID().replaceAll("-", "");
}

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)),
  );
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

function oauthError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status });
}

/** The fake's OAuth2 endpoints; `serve` answers the paths it owns and null for the others. */
export class FakeOAuth2 {
  readonly #codes = new Map<string, PendingCode>();
  readonly #tokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly #deps: OAuth2Deps;
  /** Codes exchanged so far, for assertions. */
  exchanges = 0;

  constructor(deps: OAuth2Deps) {
    this.#deps = deps;
  }

  /** Answers `/oauth2/authorize`, `/api/v10/oauth2/token` and Bearer `/api/v10/users/@me`. */
  async serve(request: Request, url: URL): Promise<Response | null> {
    if (url.pathname === "/oauth2/authorize") return await this.#authorize(request, url);
    if (url.pathname === "/api/v10/oauth2/token" && request.method === "POST") {
      return await this.#token(request);
    }
    const authorization = request.headers.get("authorization") ?? "";
    if (url.pathname === "/api/v10/users/@me" && authorization.startsWith("Bearer ")) {
      return this.#me(authorization.slice("Bearer ".length));
    }
    return null;
  }

  #problem(detail: string): void {
    this.#deps.violation({ kind: "oauth2", method: "GET", route: "/oauth2/authorize", detail });
  }

  async #authorize(request: Request, url: URL): Promise<Response> {
    const params = request.method === "POST"
      ? new URLSearchParams(await request.text())
      : url.searchParams;
    const clientId = params.get("client_id");
    const redirectUri = params.get("redirect_uri");
    const state = params.get("state");
    const challenge = params.get("code_challenge");
    const scopes = (params.get("scope") ?? "").split(" ");
    const problems: string[] = [];
    if (params.get("response_type") !== "code") problems.push("response_type must be code");
    if (clientId !== this.#deps.applicationId) problems.push("client_id is not the application");
    if (redirectUri === null) problems.push("redirect_uri is missing");
    if (!scopes.includes("identify")) problems.push("scope must include identify");
    if (state === null || state.length < 16) problems.push("state is missing or short");
    if (challenge === null || params.get("code_challenge_method") !== "S256") {
      problems.push("PKCE with code_challenge_method=S256 is expected");
    }
    if (problems.length > 0) {
      for (const problem of problems) this.#problem(problem);
      return new Response(`Invalid OAuth2 request: ${problems.join("; ")}`, { status: 400 });
    }
    const chosen = params.get("user_id");
    if (request.method !== "POST" || chosen === null) return this.#consentPage(params);
    const user = this.#deps.state.users.get(chosen);
    if (user === undefined || user.bot) return new Response("Unknown user", { status: 400 });
    const code = randomToken();
    this.#codes.set(code, {
      userId: user.id,
      redirectUri: redirectUri!,
      challenge: challenge!,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const back = new URL(redirectUri!);
    back.searchParams.set("code", code);
    back.searchParams.set("state", state!);
    return new Response(null, { status: 302, headers: { location: back.toString() } });
  }

  /** Discord's consent screen, reduced to a list of people to sign in as. */
  #consentPage(params: URLSearchParams): Response {
    const hidden = [...params.entries()].filter(([name]) => name !== "user_id")
      .map(([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
      ).join("");
    const people = [...this.#deps.state.users.values()].filter((u) => !u.bot)
      .map((u) =>
        `<button name="user_id" value="${u.id}">Authorize as ${escapeHtml(u.username)}</button>`
      ).join("<br>");
    const html = `<!doctype html><meta charset="utf-8"><title>Authorize (fake Discord)</title>` +
      `<h1>Sign in to the application</h1><form method="post">${hidden}${people}</form>`;
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; form-action *",
      },
    });
  }

  async #token(request: Request): Promise<Response> {
    const body = new URLSearchParams(await request.text());
    let clientId = body.get("client_id");
    let secret = body.get("client_secret");
    const basic = request.headers.get("authorization");
    if (basic?.startsWith("Basic ")) {
      const [id, password] = atob(basic.slice(6)).split(":");
      clientId = decodeURIComponent(id ?? "");
      secret = decodeURIComponent(password ?? "");
    }
    if (clientId !== this.#deps.applicationId || secret !== this.#deps.clientSecret) {
      return oauthError(401, "invalid_client", "Wrong client id or secret");
    }
    if (body.get("grant_type") !== "authorization_code") {
      return oauthError(400, "unsupported_grant_type", "Only authorization_code");
    }
    const code = body.get("code") ?? "";
    const pending = this.#codes.get(code);
    this.#codes.delete(code); // a code works once
    if (pending === undefined || pending.expiresAt < Date.now()) {
      return oauthError(400, "invalid_grant", 'Invalid "code" in request.');
    }
    if (body.get("redirect_uri") !== pending.redirectUri) {
      return oauthError(400, "invalid_grant", 'Invalid "redirect_uri" in request.');
    }
    if (await s256(body.get("code_verifier") ?? "") !== pending.challenge) {
      return oauthError(400, "invalid_grant", 'Invalid "code_verifier"');
    }
    this.exchanges++;
    const accessToken = randomToken();
    this.#tokens.set(accessToken, {
      userId: pending.userId,
      expiresAt: Date.now() + TOKEN_TTL_S * 1000,
    });
    return Response.json({
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: TOKEN_TTL_S,
      refresh_token: randomToken(),
      scope: "identify",
    });
  }

  #me(token: string): Response {
    const held = this.#tokens.get(token);
    const user = held === undefined ? undefined : this.#deps.state.users.get(held.userId);
    if (held === undefined || held.expiresAt < Date.now() || user === undefined) {
      return Response.json({ message: "401: Unauthorized", code: 0 }, { status: 401 });
    }
    return Response.json(this.#deps.state.userJson(user));
  }
}
