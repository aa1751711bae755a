/**
 * Web sessions: a signed cookie holding who signed in, their CSRF token and when
 * the session ends (7 days after sign-in). `HttpOnly`, `SameSite=Lax`, and
 * `Secure` when `PUBLIC_URL` is https. Nothing is kept on the server, so any
 * process behind the load balancer reads it.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { UserId } from "../core/ids.ts";
import { randomToken, type Signer } from "./signer.ts";

/** A signed-in person. */
export interface Session {
  userId: UserId;
  username: string;
  /** The token every state-changing form must carry. */
  csrf: string;
  /** Epoch milliseconds after which the session no longer counts. */
  expiresAt: number;
}

/** How long a session lasts. */
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
/** The session cookie's name. */
export const SESSION_COOKIE = "ticketeer_session";

/** Reads and writes the session cookie. */
export interface Sessions {
  /** The valid session of the request, or null. */
  read(c: Context): Promise<Session | null>;
  /** Starts a session for `user` (a fresh CSRF token) and sets its cookie. */
  start(c: Context, user: { userId: UserId; username: string }): Promise<Session>;
  end(c: Context): void;
}

/** Session cookies signed by `signer`; `now` is the web app's clock. */
export function createSessions(
  signer: Signer,
  options: { secure: boolean; path: string; now: () => number },
): Sessions {
  const attributes = {
    httpOnly: true,
    sameSite: "Lax" as const,
    secure: options.secure,
    path: options.path,
  };
  return {
    async read(c) {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie === undefined) return null;
      const value = await signer.verify(cookie);
      if (value === null) return null;
      try {
        const session = JSON.parse(decodeURIComponent(value)) as Session;
        if (typeof session.expiresAt !== "number" || session.expiresAt <= options.now()) {
          return null;
        }
        return session;
      } catch {
        return null;
      }
    },
    async start(c, user) {
      const session: Session = {
        ...user,
        csrf: randomToken(),
        expiresAt: options.now() + SESSION_TTL_MS,
      };
      const value = encodeURIComponent(JSON.stringify(session));
      setCookie(c, SESSION_COOKIE, await signer.sign(value), {
        ...attributes,
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return session;
    },
    end(c) {
      deleteCookie(c, SESSION_COOKIE, attributes);
    },
  };
}
