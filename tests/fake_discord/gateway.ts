import type { FakeState } from "./state.ts";
import type { Violation } from "./types.ts";

/** Gateway settings of the fake. */
export interface GatewayOptions {
  shards: number;
  heartbeatIntervalMs: number;
  token: string;
  /** `ws://` URL of the gateway and of resumes (they differ, so tests can tell them apart). */
  url: string;
  resumeUrl: string;
  /** Whether the application may ask for the Message Content intent. */
  messageContentIntent: boolean;
  /** Whether the application may ask for the Server Members intent (default false, as in the portal). */
  serverMembersIntent?: boolean;
}

/** A dispatch as sent: op 0 with a sequence number. */
interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

/** One gateway session (survives disconnects until it is invalidated). */
export interface GatewaySession {
  id: string;
  shardId: number;
  seq: number;
  intents: number;
  valid: boolean;
  socket: WebSocket | null;
  sent: Dispatch[];
}

/** One record of the gateway log. */
export interface GatewayLogEntry {
  shardId: number | null;
  direction: "in" | "out";
  op: number;
  t: string | null;
  at: number;
}

const MAX_REPLAY = 5000;
const SENDS_PER_MINUTE = 120;
/** The privileged Message Content intent bit. */
const MESSAGE_CONTENT = 1 << 15;
/** The privileged Server Members intent bit. */
const GUILD_MEMBERS = 1 << 1;

/** Discord's gateway for the fake: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay. */
export class FakeGateway {
  readonly #options: GatewayOptions;
  readonly #state: FakeState;
  readonly #onChange: () => void;
  readonly #violation: (v: Omit<Violation, "at">) => void;
  readonly sessions: Map<string, GatewaySession> = new Map();
  /** The newest session of each shard. */
  readonly shardSessions: Map<number, GatewaySession> = new Map();
  /**
   * Every session of each shard. Discord lets several connections identify with the
   * same `[shard_id, num_shards]` and sends each of them the shard's events, so two
   * processes that run the same shard both see every event.
   */
  readonly #shardSessionSets = new Map<number, Set<GatewaySession>>();
  readonly sockets: Set<WebSocket> = new Set();
  readonly log: GatewayLogEntry[] = [];
  /** Every closed connection, with the close code and reason (1006 when it just dropped). */
  readonly closes: Array<{ shardId: number | null; code: number; reason: string; at: number }> = [];
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  /** Query strings the bot connected with (e.g. `v=10&encoding=json`). */
  readonly connectQueries: string[] = [];
  /** Dispatches made before a shard had a session, delivered after its READY. */
  readonly #undelivered = new Map<number, { t: string; d: unknown }[]>();

  constructor(
    options: GatewayOptions,
    state: FakeState,
    hooks: { onChange: () => void; violation: (v: Omit<Violation, "at">) => void },
  ) {
    this.#options = options;
    this.#state = state;
    this.#onChange = hooks.onChange;
    this.#violation = hooks.violation;
  }

  /** The gateway URL `GET /gateway/bot` hands out. */
  get url(): string {
    return this.#options.url;
  }

  get shards(): number {
    return this.#options.shards;
  }

  /** The shard that receives a guild's events: `(guild_id >> 22) % shards`. */
  shardOf(guildId: string | null): number {
    if (guildId === null) return 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(this.#options.shards));
  }

  /** Takes an upgraded socket and speaks the gateway protocol on it. */
  accept(socket: WebSocket, url: URL): void {
    this.sockets.add(socket);
    this.connectQueries.push(url.search.replace(/^\?/, ""));
    if (url.searchParams.get("encoding") !== null && url.searchParams.get("encoding") !== "json") {
      this.#violation({
        kind: "gateway",
        method: "WS",
        route: url.pathname,
        detail: `The fake speaks JSON only; encoding=${url.searchParams.get("encoding")}`,
      });
    }
    if (url.searchParams.get("compress") !== null) {
      this.#violation({
        kind: "gateway",
        method: "WS",
        route: url.pathname,
        detail: `Transport compression (${url.searchParams.get("compress")}) is not supported`,
      });
    }
    let session: GatewaySession | null = null;
    const sendTimes: number[] = [];
    socket.onopen = () => {
      this.#send(socket, null, {
        op: 10,
        d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
        s: null,
        t: null,
      });
    };
    socket.onmessage = (event) => {
      const now = performance.now();
      sendTimes.push(now);
      while (sendTimes.length > 0 && (sendTimes[0] ?? 0) <= now - 60_000) sendTimes.shift();
      let packet: { op?: unknown; d?: unknown };
      try {
        packet = JSON.parse(String(event.data));
      } catch {
        this.#close(socket, 4002, "Error while decoding payload.");
        return;
      }
      const op = typeof packet.op === "number" ? packet.op : -1;
      this.log.push({ shardId: session?.shardId ?? null, direction: "in", op, t: null, at: now });
      if (sendTimes.length > SENDS_PER_MINUTE) {
        this.#violation({
          kind: "gateway",
          method: "WS",
          route: "/gateway",
          detail: "More than 120 gateway sends in 60 s",
        });
        this.#close(socket, 4008, "Rate limited.");
        return;
      }
      switch (op) {
        case 1:
          this.heartbeatCount++;
          this.#send(socket, session?.shardId ?? null, { op: 11, d: null, s: null, t: null });
          break;
        case 2:
          if (session !== null) {
            this.#close(socket, 4005, "Already authenticated.");
            return;
          }
          session = this.#identify(socket, packet.d);
          break;
        case 6:
          if (session !== null) {
            this.#close(socket, 4005, "Already authenticated.");
            return;
          }
          session = this.#resume(socket, packet.d);
          break;
        case 3:
        case 4:
        case 8:
          if (session === null) this.#close(socket, 4003, "Not authenticated.");
          break;
        default:
          this.#close(socket, 4001, "Unknown opcode.");
      }
      this.#onChange();
    };
    socket.onclose = (event) => {
      this.closes.push({
        shardId: session?.shardId ?? null,
        code: event.code,
        reason: event.reason,
        at: performance.now(),
      });
      this.sockets.delete(socket);
      if (session !== null && session.socket === socket) session.socket = null;
      this.#onChange();
    };
    socket.onerror = () => {};
  }

  #tokenOk(token: unknown): boolean {
    return token === `Bot ${this.#options.token}` || token === this.#options.token;
  }

  #identify(socket: WebSocket, d: unknown): GatewaySession | null {
    const data = (d ?? {}) as { token?: unknown; intents?: unknown; shard?: unknown };
    if (!this.#tokenOk(data.token)) {
      this.#close(socket, 4004, "Authentication failed.");
      return null;
    }
    const shard = Array.isArray(data.shard) ? data.shard : [0, 1];
    const shardId = Number(shard[0] ?? 0);
    const total = Number(shard[1] ?? 1);
    if (total !== this.#options.shards || shardId < 0 || shardId >= total) {
      this.#close(socket, 4010, "Invalid shard.");
      return null;
    }
    if (typeof data.intents !== "number") {
      this.#close(socket, 4013, "Invalid intent(s).");
      return null;
    }
    if (!this.#options.messageContentIntent && (data.intents & MESSAGE_CONTENT) !== 0) {
      this.#close(socket, 4014, "Disallowed intent(s).");
      return null;
    }
    if (this.#options.serverMembersIntent !== true && (data.intents & GUILD_MEMBERS) !== 0) {
      this.#close(socket, 4014, "Disallowed intent(s).");
      return null;
    }
    this.identifyCount++;
    const session: GatewaySession = {
      id: crypto.randomUUID().replaceAll("-", ""),
      shardId,
      seq: 0,
      intents: data.intents,
      valid: true,
      socket,
      sent: [],
    };
    this.sessions.set(session.id, session);
    this.shardSessions.set(shardId, session);
    const sessions = this.#shardSessionSets.get(shardId) ?? new Set();
    sessions.add(session);
    this.#shardSessionSets.set(shardId, sessions);
    const guilds = this.#guildsOfShard(shardId);
    this.#dispatchTo(session, "READY", {
      v: 10,
      user: this.#state.userJson(this.#state.botUser),
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.#options.resumeUrl,
      shard: [shardId, total],
      application: { id: this.#state.botUser.id, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    });
    for (const id of guilds) {
      const guild = this.#state.guilds.get(id);
      if (guild !== undefined) {
        this.#dispatchTo(session, "GUILD_CREATE", this.#state.guildCreateJson(guild));
      }
    }
    const waiting = this.#undelivered.get(shardId) ?? [];
    this.#undelivered.delete(shardId);
    for (const event of waiting) this.#dispatchTo(session, event.t, event.d);
    return session;
  }

  #resume(socket: WebSocket, d: unknown): GatewaySession | null {
    const data = (d ?? {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    if (!this.#tokenOk(data.token)) {
      this.#close(socket, 4004, "Authentication failed.");
      return null;
    }
    const session = typeof data.session_id === "string"
      ? this.sessions.get(data.session_id)
      : undefined;
    if (session === undefined || !session.valid) {
      this.#send(socket, null, { op: 9, d: false, s: null, t: null });
      return null;
    }
    const seq = typeof data.seq === "number" ? data.seq : 0;
    const first = session.sent[0];
    if (first !== undefined && seq < first.s - 1) {
      // Too old to replay: the session cannot be resumed.
      session.valid = false;
      this.#send(socket, session.shardId, { op: 9, d: false, s: null, t: null });
      return null;
    }
    this.resumeCount++;
    const previous = session.socket;
    if (previous !== null && previous !== socket) {
      this.#close(previous, 4000, "Session resumed elsewhere.");
    }
    session.socket = socket;
    for (const dispatch of session.sent) {
      if (dispatch.s > seq) this.#send(socket, session.shardId, { op: 0, ...dispatch });
    }
    this.#dispatchTo(session, "RESUMED", {});
    return session;
  }

  #guildsOfShard(shardId: number): string[] {
    const ids: string[] = [];
    for (const guild of this.#state.guilds.values()) {
      if (this.shardOf(guild.id) !== shardId) continue;
      if (this.#state.member(guild.id, this.#state.botUser.id) === undefined) continue;
      ids.push(guild.id);
    }
    return ids;
  }

  #dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq++;
    const dispatch: Dispatch = { s: session.seq, t, d };
    session.sent.push(dispatch);
    if (session.sent.length > MAX_REPLAY) session.sent.shift();
    if (session.socket !== null && session.socket.readyState === WebSocket.OPEN) {
      this.#send(session.socket, session.shardId, { op: 0, ...dispatch });
    }
    this.#onChange();
  }

  /** Sends a dispatch to a shard; kept for replay while disconnected, queued before its first READY. */
  dispatch(shardId: number, t: string, d: unknown): void {
    const sessions = [...this.#shardSessionSets.get(shardId) ?? []].filter((s) => s.valid);
    if (sessions.length === 0) {
      const list = this.#undelivered.get(shardId) ?? [];
      list.push({ t, d });
      this.#undelivered.set(shardId, list);
      return;
    }
    for (const session of sessions) this.#dispatchTo(session, t, d);
  }

  /** Sends a dispatch to the shard that owns `guildId` (shard 0 for DMs). */
  dispatchToGuild(guildId: string | null, t: string, d: unknown): void {
    this.dispatch(this.shardOf(guildId), t, d);
  }

  /** True when the shard has a live, identified connection. */
  isConnected(shardId: number): boolean {
    const session = this.shardSessions.get(shardId);
    return session !== undefined && session.valid && session.socket !== null &&
      session.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Closes a shard's connection. Resumable (default): close code 4000, the session
   * stays valid and missed dispatches are replayed on RESUME. Not resumable: the
   * session is invalidated and the default code is 4009 (session timed out).
   */
  disconnect(shardId: number, options: { code?: number; resumable?: boolean } = {}): void {
    const session = this.shardSessions.get(shardId);
    const resumable = options.resumable ?? true;
    if (session === undefined) {
      throw new RangeError(`Cannot disconnect shard ${shardId}: it never identified`);
    }
    if (!resumable) session.valid = false;
    const code = options.code ?? (resumable ? 4000 : 4009);
    if (session.socket !== null) {
      this.#close(session.socket, code, resumable ? "Unknown error." : "Session timed out.");
    }
  }

  /**
   * Turns the Message Content intent off, as an owner does in the developer portal:
   * every session that asked for it is closed with 4014 (Disallowed intent(s).) and
   * invalidated, and later IDENTIFYs asking for it are closed with 4014 too.
   */
  disallowMessageContent(): void {
    this.#options.messageContentIntent = false;
    for (const session of this.shardSessions.values()) {
      if ((session.intents & MESSAGE_CONTENT) === 0) continue;
      session.valid = false;
      if (session.socket !== null) this.#close(session.socket, 4014, "Disallowed intent(s).");
    }
  }

  /** Asks the shard to reconnect (op 7); the bot should resume. */
  requestReconnect(shardId: number): void {
    const socket = this.shardSessions.get(shardId)?.socket;
    if (socket === null || socket === undefined) {
      throw new RangeError(`Cannot ask shard ${shardId} to reconnect: it is not connected`);
    }
    this.#send(socket, shardId, { op: 7, d: null, s: null, t: null });
  }

  /** Sends op 9 INVALID_SESSION; when not resumable the session is dropped. */
  invalidateSession(shardId: number, resumable: boolean): void {
    const session = this.shardSessions.get(shardId);
    if (session === undefined) {
      throw new RangeError(`Cannot invalidate shard ${shardId}: it never identified`);
    }
    if (!resumable) session.valid = false;
    if (session.socket !== null) {
      this.#send(session.socket, shardId, { op: 9, d: resumable, s: null, t: null });
    }
  }

  /** The intents the shard identified with (0 before it did). */
  intents(shardId: number): number {
    return this.shardSessions.get(shardId)?.intents ?? 0;
  }

  #send(
    socket: WebSocket,
    shardId: number | null,
    payload: { op: number; d: unknown; s: number | null; t: string | null },
  ): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    this.log.push({
      shardId,
      direction: "out",
      op: payload.op,
      t: payload.t,
      at: performance.now(),
    });
    socket.send(JSON.stringify(payload));
  }

  #close(socket: WebSocket, code: number, reason: string): void {
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
      socket.close(code, reason);
    }
  }

  /** Closes every socket (code 1000). */
  closeAll(): void {
    for (const socket of this.sockets) this.#close(socket, 1000, "Server closing.");
  }
}
