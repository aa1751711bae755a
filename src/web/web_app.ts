/**
 * The web pages (with `PUBLIC_URL`): a Hono app under `/web`, server-rendered,
 * mounted by the HTTP server. Sign-in with Discord, my tickets, a guild's
 * tickets and statistics for its staff, transcript pages and share links.
 */
import { getLogger } from "@logtape/logtape";
import { Hono } from "hono";
import type { WebConfig } from "../config.ts";
import type { Clock, Stores, WebStores } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import { createDiscordSignIn, discordEndpoints } from "./discord_sign_in.ts";
import { securityHeaders } from "./layout.ts";
import { createMemberLookup } from "./member_lookup.ts";
import { PAGE_STYLE } from "./page_style.ts";
import { guildTicketsPage } from "./page_guild_tickets.ts";
import { guildStatsPage } from "./page_guild_stats.ts";
import { myTicketsPage } from "./page_my_tickets.ts";
import { transcriptPage } from "./page_transcript.ts";
import { shareLinkRoutes } from "./routes_share_links.ts";
import { signInRoutes } from "./routes_sign_in.ts";
import { languageRoutes } from "./routes_language.ts";
import { createSessions } from "./session.ts";
import { webLocale, webText } from "./web_language.ts";
import { loadLanguage } from "../i18n/catalogs.ts";
import { createSigner } from "./signer.ts";
import { notFound, WEB_BASE, type WebDeps } from "./web_context.ts";

const log = getLogger(["ticketeer", "web"]);

/** What the web app is built from. */
export interface WebAppDeps {
  /** `DISCORD_API_URL` (the OAuth2 endpoints are derived from it). */
  discordApiUrl: string;
  applicationId: string;
  stores: Pick<Stores, "tickets" | "types" | "transcripts" | "feedback" | "stats"> & WebStores;
  discord: Pick<DiscordPort, "member" | "roles" | "guilds">;
  clock: Clock;
}

/** The web app as a plain `(Request) => Promise<Response>` for paths below `/web`. */
export async function createWebApp(
  config: WebConfig,
  deps: WebAppDeps,
): Promise<(request: Request) => Promise<Response>> {
  const now = () => deps.clock.now().getTime();
  const routes: WebDeps = {
    publicUrl: config.publicUrl,
    stores: deps.stores,
    lookup: createMemberLookup(deps.discord, deps.clock),
    sessions: createSessions(await createSigner(config.sessionSecret, "session"), {
      secure: config.publicUrl.startsWith("https://"),
      path: WEB_BASE,
      now,
    }),
    signIn: createDiscordSignIn(discordEndpoints(deps.discordApiUrl), {
      clientId: deps.applicationId,
      clientSecret: config.clientSecret,
      redirectUri: `${config.publicUrl}${WEB_BASE}/auth/callback`,
    }),
    stateSigner: await createSigner(config.sessionSecret, "sign-in"),
    shareSigner: await createSigner(config.sessionSecret, "share"),
    clock: deps.clock,
    applicationId: deps.applicationId,
  };
  const app = new Hono({ strict: false }).basePath(WEB_BASE);
  // Pages render synchronously in the reader's language: its messages load first.
  app.use(async (c, next) => {
    await loadLanguage(webLocale(c));
    await next();
  });
  app.get("/style.css", () =>
    new Response(PAGE_STYLE, {
      headers: {
        ...securityHeaders("default-src 'none'"),
        "content-type": "text/css; charset=utf-8",
        "cache-control": "public, max-age=3600",
      },
    }));
  signInRoutes(app, routes);
  languageRoutes(app, routes);
  myTicketsPage(app, routes);
  guildStatsPage(app, routes);
  guildTicketsPage(app, routes);
  transcriptPage(app, routes);
  shareLinkRoutes(app, routes);
  app.notFound(async (c) => notFound(c, await routes.sessions.read(c)));
  app.onError((error, c) => {
    log.error("Web page {method} {path} failed: {error}", {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error,
    });
    return c.text(webText(c).t("web.internal_error"), 500);
  });
  return async (request) => await app.fetch(request);
}
