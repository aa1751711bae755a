/**
 * A world for the web pages: the bot with `PUBLIC_URL` on a known port and a
 * clock tests can move forward, one guild after `/setup`, a closed ticket of its
 * first member (with a message to search for) and an open ticket of another
 * member; and a small cookie-keeping client that signs in through the fake's
 * OAuth2 pages the way a browser would.
 */
import assert from "node:assert/strict";
import type { Ticket } from "../../src/core/model.ts";
import { freePort } from "../fixtures/free_port.ts";
import { startWorld, type World } from "./boot.ts";
import {
  closeTicket,
  eventually,
  openTicket,
  setUpGuild,
  type TicketGuild,
  ticketOf,
} from "./world.ts";

/** A word only the closed ticket's conversation holds. */
export const SEARCH_WORD = "zeppelin";

/** A clock that runs with real time, plus whatever a test added. */
export interface MovableClock {
  now(): Date;
  advance(ms: number): void;
}

/** The web world: the bot, its guild, its tickets and where the pages are. */
export interface WebWorld extends AsyncDisposable {
  world: World;
  g: TicketGuild;
  clock: MovableClock;
  /** `http://127.0.0.1:PORT` (also `PUBLIC_URL`). */
  origin: string;
  /** Closed, opened by `g.members[0]`, with a transcript. */
  closed: Ticket;
  /** Open, opened by `g.members[1]`. */
  other: Ticket;
}

/** Starts the web world on SQLite. */
export async function startWebWorld(): Promise<WebWorld> {
  let offset = 0;
  const clock: MovableClock = {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
  };
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const world = await startWorld({
    http: true,
    httpPort: port,
    fake: { clientSecret: "fake-client-secret" },
    web: {
      publicUrl: origin,
      clientSecret: "fake-client-secret",
      sessionSecret: "a-session-secret-of-at-least-32-bytes!",
    },
    start: { clock },
  });
  try {
    const g = await setUpGuild(world.fake, 2);
    const [alice, bob] = g.members as [string, string];
    const channel = await openTicket(g, alice, "Delivery question");
    const closed = await ticketOf(world.app, channel.id);
    world.fake.postMessage(channel.id, alice, `My ${SEARCH_WORD} model never arrived`);
    world.fake.postMessage(channel.id, g.staff, "Sorry about that, a new one is on its way");
    await eventually(
      world.fake,
      async () => (await world.app.stores.archive.messages(closed.id)).length >= 2,
      10_000,
      "the archive to hold both messages",
    );
    await closeTicket(g, { channel: channel.id, user: g.staff, reason: "Replacement sent" });
    const stored = await eventually(
      world.fake,
      () => world.app.stores.transcripts.get(closed.id),
      10_000,
      "the transcript",
    );
    assert.ok(stored.html.includes(SEARCH_WORD));
    const other = await ticketOf(world.app, (await openTicket(g, bob, "Billing")).id);
    return {
      world,
      g,
      clock,
      origin,
      closed: (await world.app.stores.tickets.get(closed.id))!,
      other,
      [Symbol.asyncDispose]: () => world[Symbol.asyncDispose](),
    };
  } catch (error) {
    await world[Symbol.asyncDispose]();
    throw error;
  }
}

/** A client that keeps cookies and never follows redirects by itself. */
export class CookieClient {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || pair.slice(eq + 1) === "") this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return response;
  }

  /** Signs in as `userId` through `/web/login`, the fake's authorize form and the callback. */
  async signIn(origin: string, userId: string, next = "/web/"): Promise<Response> {
    const login = await this.fetch(`${origin}/web/login?next=${encodeURIComponent(next)}`);
    await login.body?.cancel();
    assert.equal(login.status, 302);
    const authorize = new URL(login.headers.get("location")!);
    const form = new URLSearchParams(authorize.searchParams);
    form.set("user_id", userId);
    const consent = await this.fetch(`${authorize.origin}${authorize.pathname}`, {
      method: "POST",
      body: form,
    });
    await consent.body?.cancel();
    assert.equal(consent.status, 302, "the fake's authorize page redirects back");
    const callback = await this.fetch(consent.headers.get("location")!);
    await callback.body?.cancel();
    return callback;
  }
}
