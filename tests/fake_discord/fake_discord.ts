/**
 * A fake Discord on 127.0.0.1: REST (`/api/v10/…`), the gateway (WebSocket), a CDN for
 * uploads, and signed HTTP interactions. Every body the bot sends is checked against
 * Discord's OpenAPI schemas; rules Discord enforces (permissions, limits, deadlines,
 * rate limits) are enforced here too, and everything is recorded for assertions.
 */
import { AssertionError } from "node:assert";
import { type FakeContext, Intent } from "./context.ts";
import { FakeGateway } from "./gateway.ts";
import {
  type InteractionAnswer,
  type InteractionEvent,
  type InteractionHandle,
  InteractionRegistry,
  makeSigningKeys,
  type PendingInteraction,
  signInteraction,
} from "./interactions.ts";
import { FakeOAuth2 } from "./oauth2.ts";
import { type Inject429Options, RateLimiter, type RateLimitOptions } from "./rate_limits.ts";
import type { RoutePattern } from "./route_pattern.ts";
import { matchesRoute } from "./route_pattern.ts";
import { applyFirstAnswer } from "./routes_interactions.ts";
import {
  type FailNextOptions,
  type HeldRequest,
  type HoldOptions,
  type Inject5xxOptions,
  type PendingHold,
  type RestPipeline,
  serveCdn,
  serveRest,
} from "./server.ts";
import { FakeState } from "./state.ts";
import type {
  CallRecord,
  EarlyRetry,
  FakeChannel,
  FakeGuild,
  FakeMessage,
  FakeOverwrite,
  FakeRole,
  FakeUser,
  Violation,
} from "./types.ts";
import { unreadFields, validateBody } from "./validation.ts";
import { ChangeWaiter } from "./wait.ts";

/** Settings of the fake; every one has a default. */
export interface FakeDiscordOptions {
  /**
   * The bot token (default: one encoding the bot's id, as Discord's do). A given token
   * whose first part is a base64 snowflake sets the bot's id, as discordeno reads it.
   */
  token?: string;
  botName?: string;
  /** Shards `GET /gateway/bot` recommends (default 1). */
  shards?: number;
  maxConcurrency?: number;
  /** HELLO's heartbeat interval (default 41,250 ms). */
  heartbeatIntervalMs?: number;
  /** Time allowed for the first answer to an interaction (default 3,000 ms). */
  interactionDeadlineMs?: number;
  /** How long an interaction token works for edits and follow-ups (default 15 min). */
  interactionTokenTtlMs?: number;
  /**
   * How long Discord takes to process a first answer given in an HTTP interaction's
   * response body (default 20 ms); until then `@original` does not exist (10015).
   */
  httpAnswerLagMs?: number;
  rateLimits?: RateLimitOptions;
  /** Whether the application has the Message Content intent approved (default true). */
  messageContentIntent?: boolean;
  /**
   * Whether the Server Members intent is turned on in the portal (default false, as
   * Discord starts it): an IDENTIFY asking for it without is closed with 4014.
   */
  serverMembersIntent?: boolean;
  /** The application's OAuth2 client secret (default: a random one). */
  clientSecret?: string;
}

/** A guild, channel, role or user given by id or by record. */
export type Ref = string | { id: string };
const idOf = (ref: Ref): string => typeof ref === "string" ? ref : ref.id;

/** An uploaded file for `postMessage`. */
export interface FileInput {
  filename: string;
  data: Uint8Array;
  contentType?: string;
}

/** What `interactHttp` returns: the HTTP answer and the interaction's handle. */
export interface HttpInteractionResult {
  status: number;
  /** Parsed JSON when the answer was JSON, else the text. */
  body: unknown;
  handle: InteractionHandle;
}

/** A running fake Discord. */
export interface FakeDiscord {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** What `DISCORD_API_URL` should be: `http://127.0.0.1:PORT/api` (the bot appends `/v10`). */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  /** Hex Ed25519 public key for `DISCORD_PUBLIC_KEY`. */
  readonly publicKey: string;
  /** The application's OAuth2 client secret, for `DISCORD_CLIENT_SECRET`. */
  readonly clientSecret: string;
  /** The OAuth2 sign-in flow (authorize page, token endpoint, Bearer `users/@me`). */
  readonly oauth2: FakeOAuth2;
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  /** Every REST request, in arrival order. */
  readonly calls: CallRecord[];
  /** Everything Discord would have refused or a rule broken (schema, routes, deadlines …). */
  readonly violations: Violation[];
  /** Schema and unknown-route violations only. */
  readonly schemaViolations: Violation[];
  readonly guildCount: number;

  createUser(options: { username: string; bot?: boolean; globalName?: string }): FakeUser;
  createGuild(
    options: {
      name: string;
      botPermissions?: bigint;
      botJoins?: boolean;
      everyonePermissions?: bigint;
    },
  ): FakeGuild;
  createRole(guild: Ref, options: { name: string; permissions?: bigint }): FakeRole;
  /** A new user who is a member of the guild with the given roles. */
  createMember(
    guild: Ref,
    options: { username: string; roles?: Ref[]; bot?: boolean; globalName?: string },
  ): FakeUser;
  /** Makes an existing user a member. */
  addMember(guild: Ref, user: Ref, roles?: Ref[]): void;
  /**
   * The member leaves the guild: lookups answer 404 Unknown Member, and sessions
   * that asked for the Server Members intent get `GUILD_MEMBER_REMOVE`.
   */
  removeMember(guild: Ref, user: Ref): void;
  createChannel(
    guild: Ref,
    options: {
      name: string;
      type?: number;
      parent?: Ref | null;
      topic?: string;
      overwrites?: FakeOverwrite[];
    },
  ): FakeChannel;
  /** A member posts in a channel; MESSAGE_CREATE goes to the gateway. */
  postMessage(
    channel: Ref,
    author: Ref,
    content: string,
    options?: { attachments?: FileInput[] },
  ): FakeMessage;
  /** A member edits their message; MESSAGE_UPDATE goes to the gateway. */
  editMessage(channel: Ref, messageId: string, content: string): FakeMessage;
  /** A member deletes a message; MESSAGE_DELETE goes to the gateway. */
  deleteMessage(channel: Ref, messageId: string): void;
  /** A moderator deletes several messages at once: MESSAGE_DELETE_BULK on the gateway. */
  bulkDeleteMessages(channel: Ref, messageIds: readonly string[]): void;
  /** A member with Manage Channels deletes a channel (CHANNEL_DELETE), or a thread (THREAD_DELETE). */
  deleteChannel(channel: Ref): void;
  /** Moves the CDN's clock ahead: attachment links signed before then may have expired. */
  advanceCdnClock(ms: number): void;
  /** Sets the permissions of the bot's own role in a guild. */
  setBotPermissions(guild: Ref, bits: bigint): void;
  /** Marks a user as not accepting DMs (sending there answers 403 code 50007). */
  setDmsClosed(user: Ref, closed: boolean): void;
  /** Someone removes the bot from a guild: GUILD_DELETE (no `unavailable`); its requests answer 403. */
  removeBot(guild: Ref): void;
  /** The bot is invited back with its role: GUILD_CREATE. */
  inviteBotBack(guild: Ref): void;
  /** Bulk guilds for benchmarks: each with channels, roles and members. */
  seedGuilds(
    count: number,
    options?: { channels?: number; roles?: number; members?: number },
  ): FakeGuild[];

  /** Sends INTERACTION_CREATE to the shard owning the guild. */
  interact(payload: Record<string, unknown>): InteractionHandle;
  /** Posts a signed interaction to the bot's HTTP endpoint. */
  interactHttp(
    url: string,
    payload: Record<string, unknown>,
    options?: { signature?: "valid" | "bad" | "stale" },
  ): Promise<HttpInteractionResult>;

  inject429(options: Inject429Options): void;
  inject5xx(options: Inject5xxOptions): void;
  failNext(options: FailNextOptions): void;
  /**
   * Holds the next matching REST request (before or after it takes effect) until
   * `release()`: for slow Discord answers and clients that die mid-request.
   */
  holdNext(options: HoldOptions): HeldRequest;
  /** Requests sent before the `retry_after` of a 429 had elapsed (expected empty). */
  earlyRetries(): EarlyRetry[];
  /**
   * The most requests bound by the global limit (interaction callbacks and webhooks
   * exempt) that arrived within any one second, however many processes sent them.
   */
  maxGlobalRequestsPerSecond(): number;
  /** Forces a gateway close; see `FakeGateway.disconnect`. */
  disconnect(shardId: number, options?: { code?: number; resumable?: boolean }): void;

  /** Resolves with the first truthy value of `predicate`, re-checked on every change. */
  waitFor<T>(
    predicate: () => T | undefined | null | false,
    timeoutMs: number,
    what?: string,
  ): Promise<T>;
  /** Resolves with the first call (already made or future) matching `route` and `test`. */
  waitForCall(
    route: RoutePattern,
    timeoutMs: number,
    test?: (call: CallRecord) => boolean,
  ): Promise<CallRecord>;
  /** Throws an AssertionError listing every violation and early retry. */
  assertNoViolations(): void;
  /** Stops the server, closes every socket and timer. */
  close(): Promise<void>;
}

function botIdFromToken(token: string | undefined): string | null {
  if (token === undefined) return null;
  try {
    const id = atob(token.split(".")[0] ?? "");
    return /^[0-9]{15,20}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function defaultToken(botId: string): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  const tail = btoa(String.fromCharCode(...random)).replace(/[+/=]/g, "x");
  return `${btoa(botId).replace(/=+$/, "")}.Gx1fAk.${tail}`;
}

/** Starts a fake Discord on 127.0.0.1 (a free port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const waiter = new ChangeWaiter();
  const onChange = () => waiter.notify();
  const violations: Violation[] = [];
  const violation = (v: Omit<Violation, "at">) => {
    violations.push({ ...v, at: performance.now() });
    onChange();
  };
  const calls: CallRecord[] = [];
  const keys = await makeSigningKeys();

  // A bot token starts with the bot's id in base64, which clients read back.
  const botId = botIdFromToken(options.token) ??
    "1" + String(Date.now()).padStart(17, "0").slice(-17);
  const state = new FakeState(
    {
      id: botId,
      username: options.botName ?? "ticketeer",
      global_name: null,
      avatar: null,
      bot: true,
      dmsClosed: false,
    },
    onChange,
  );
  const token = options.token ?? defaultToken(botId);

  // Port first, so URLs are known before the handlers are built.
  let handler: (request: Request) => Promise<Response> | Response = () =>
    new Response("Starting", { status: 503 });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (request) => handler(request),
  );
  const port = server.addr.port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const gateway = new FakeGateway(
    {
      shards: options.shards ?? 1,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      token,
      url: `ws://127.0.0.1:${port}/gateway`,
      resumeUrl: `ws://127.0.0.1:${port}/gateway-resume`,
      messageContentIntent: options.messageContentIntent ?? true,
      serverMembersIntent: options.serverMembersIntent ?? false,
    },
    state,
    { onChange, violation },
  );
  const interactions = new InteractionRegistry(
    {
      deadlineMs: options.interactionDeadlineMs ?? 3000,
      tokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    },
    { violation, onChange },
  );
  const messageContentIntent = options.messageContentIntent ?? true;

  const intentsAllow = (guildId: string | null, intent: number | null): boolean => {
    if (intent === null) return true;
    const shard = gateway.shardOf(guildId);
    const session = gateway.shardSessions.get(shard);
    if (session === undefined) return true;
    return (session.intents & intent) !== 0;
  };

  const ctx: FakeContext = {
    state,
    gateway,
    interactions,
    baseUrl,
    token,
    maxConcurrency: options.maxConcurrency ?? 1,
    publicKeyHex: keys.publicKeyHex,
    messageContentIntent,
    violation,
    emit(guildId, t, d, intent) {
      if (intentsAllow(guildId, intent)) gateway.dispatchToGuild(guildId, t, d);
    },
    emitMessage(t, message) {
      const channel = state.channels.get(message.channel_id);
      const guildId = channel?.guild_id ?? null;
      const intent = guildId === null ? Intent.DirectMessages : Intent.GuildMessages;
      if (!intentsAllow(guildId, intent)) return;
      const fromBot = message.author_id === state.botUser.id;
      const hide = !fromBot &&
        (!messageContentIntent || !intentsAllow(guildId, Intent.MessageContent));
      const payload: Record<string, unknown> = state.messageJson(message, hide);
      if (guildId !== null) {
        const member = state.member(guildId, message.author_id);
        if (member !== undefined) {
          const { user: _user, ...rest } = state.memberJson(member);
          payload.member = rest;
        }
      }
      gateway.dispatchToGuild(guildId, t, payload);
    },
  };

  const clientSecret = options.clientSecret ?? crypto.randomUUID().replaceAll("-", "");
  const oauth2 = new FakeOAuth2({ state, applicationId: botId, clientSecret, violation });
  const limiter = new RateLimiter(options.rateLimits ?? {});
  const failures: RestPipeline["failures"] = [];
  const holds: PendingHold[] = [];
  const pipeline: RestPipeline = { ctx, limiter, calls, failures, holds, onChange };

  handler = async (request) => {
    const url = new URL(request.url);
    const signIn = await oauth2.serve(request, url);
    if (signIn !== null) return signIn;
    if (url.pathname === "/gateway" || url.pathname === "/gateway-resume") {
      if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
        return new Response("Expected a WebSocket upgrade", { status: 426 });
      }
      const { socket, response } = Deno.upgradeWebSocket(request);
      gateway.accept(socket, url);
      return response;
    }
    if (url.pathname.startsWith("/cdn/attachments/")) return serveCdn(ctx, url);
    const match = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    if (match === null || match[1] !== "10") {
      violation({
        kind: "unknown_route",
        method: request.method,
        route: url.pathname,
        detail: "Not an /api/v10 path",
      });
      return Response.json({ message: "404: Not Found", code: 0 }, { status: 404 });
    }
    return serveRest(pipeline, request, match[2] ?? "/", url.searchParams);
  };

  const makeHandle = (
    pending: PendingInteraction | null,
    payload: Record<string, unknown>,
    response: Promise<InteractionAnswer>,
  ): InteractionHandle => ({
    id: String(payload.id),
    token: String(payload.token),
    payload,
    response,
    events: () => [...(pending?.events ?? [])],
    expire: () => {
      if (pending !== null) interactions.expire(pending);
    },
    waitForEvent: (kind: InteractionEvent["kind"], timeoutMs: number, n = 1) =>
      waiter.waitFor(
        () => (pending?.events ?? []).filter((e) => e.kind === kind)[n - 1],
        timeoutMs,
        `event ${kind} #${n} of interaction ${String(payload.id)}`,
      ),
  });

  const completePayload = (payload: Record<string, unknown>): Record<string, unknown> => ({
    version: 1,
    application_id: state.botUser.id,
    locale: "en-US",
    ...payload,
    id: typeof payload.id === "string" ? payload.id : state.ids.next(),
    token: typeof payload.token === "string"
      ? payload.token
      : `aW50ZXJhY3Rpb24.${crypto.randomUUID().replaceAll("-", "")}`,
  });

  const emitGuildCreate = (guild: FakeGuild) => {
    if (state.member(guild.id, state.botUser.id) === undefined) return;
    const shard = gateway.shardOf(guild.id);
    if (gateway.shardSessions.get(shard) === undefined) return; // READY will list it.
    ctx.emit(guild.id, "GUILD_CREATE", state.guildCreateJson(guild), Intent.Guilds);
  };

  let closed = false;

  const fake: FakeDiscord = {
    url: baseUrl,
    apiUrl: `${baseUrl}/api`,
    gatewayUrl: gateway.url,
    token,
    applicationId: state.botUser.id,
    botUser: state.botUser,
    publicKey: keys.publicKeyHex,
    clientSecret,
    oauth2,
    state,
    gateway,
    calls,
    violations,
    get schemaViolations() {
      return violations.filter((v) => v.kind === "schema" || v.kind === "unknown_route");
    },
    get guildCount() {
      return state.guilds.size;
    },

    createUser: (o) => state.createUser(o),
    createGuild(o) {
      const guild = state.createGuild(o);
      emitGuildCreate(guild);
      return guild;
    },
    createRole(guild, o) {
      const role = state.createRole(idOf(guild), o);
      ctx.emit(idOf(guild), "GUILD_ROLE_CREATE", {
        guild_id: idOf(guild),
        role: state.roleJson(role),
      }, Intent.Guilds);
      return role;
    },
    createMember(guild, o) {
      const user = state.createUser(o);
      fake.addMember(guild, user, o.roles ?? []);
      return user;
    },
    addMember(guild, user, roles = []) {
      const member = state.addMember(idOf(guild), idOf(user), roles.map(idOf));
      const json = state.memberJson(member);
      ctx.emit(
        idOf(guild),
        "GUILD_MEMBER_ADD",
        { ...json, guild_id: idOf(guild) },
        Intent.GuildMembers,
      );
    },
    removeMember(guild, userRef) {
      const guildId = idOf(guild);
      const user = state.users.get(idOf(userRef));
      if (user === undefined || !state.members.get(guildId)?.delete(user.id)) {
        throw new RangeError(`Cannot remove ${idOf(userRef)} from ${guildId}: not a member`);
      }
      state.changed();
      ctx.emit(
        guildId,
        "GUILD_MEMBER_REMOVE",
        { guild_id: guildId, user: state.userJson(user) },
        Intent.GuildMembers,
      );
    },
    createChannel(guild, o) {
      const channel = state.createChannel(idOf(guild), {
        name: o.name,
        type: o.type ?? 0,
        parentId: o.parent === undefined || o.parent === null ? null : idOf(o.parent),
        topic: o.topic ?? null,
        overwrites: o.overwrites ?? [],
      });
      ctx.emit(idOf(guild), "CHANNEL_CREATE", state.channelJson(channel), Intent.Guilds);
      return channel;
    },
    deleteChannel(channelRef) {
      const channel = state.channels.get(idOf(channelRef));
      if (channel === undefined) {
        throw new RangeError(`Cannot delete channel ${idOf(channelRef)}: it does not exist`);
      }
      const payload = state.channelJson(channel);
      state.deleteChannel(channel.id);
      // A thread's deletion is THREAD_DELETE (id, guild, parent and type only).
      if (channel.thread !== undefined) {
        const { id, guild_id, parent_id, type } = channel;
        ctx.emit(guild_id, "THREAD_DELETE", { id, guild_id, parent_id, type }, Intent.Guilds);
        return;
      }
      ctx.emit(channel.guild_id, "CHANNEL_DELETE", payload, Intent.Guilds);
    },
    advanceCdnClock(ms) {
      state.cdnOffsetMs += ms;
    },
    postMessage(channelRef, author, content, o = {}) {
      const channel = state.channels.get(idOf(channelRef));
      if (channel === undefined) {
        throw new RangeError(`Cannot post in channel ${idOf(channelRef)}: it does not exist`);
      }
      const attachments = (o.attachments ?? []).map((file) =>
        state.makeAttachment(baseUrl, channel.id, {
          ...file,
          contentType: file.contentType ?? null,
        })
      );
      const message = state.addMessage(channel.id, idOf(author), { content, attachments });
      ctx.emitMessage("MESSAGE_CREATE", message);
      return message;
    },
    editMessage(channelRef, messageId, content) {
      const message = state.messagesIn(idOf(channelRef)).find((m) => m.id === messageId);
      if (message === undefined) {
        throw new RangeError(`Cannot edit message ${messageId}: it is not in the channel`);
      }
      message.content = content;
      message.edited_timestamp = new Date().toISOString();
      state.changed();
      ctx.emitMessage("MESSAGE_UPDATE", message);
      return message;
    },
    deleteMessage(channelRef, messageId) {
      const channel = state.channels.get(idOf(channelRef));
      if (channel === undefined || !state.deleteMessage(channel.id, messageId)) {
        throw new RangeError(`Cannot delete message ${messageId}: it is not in the channel`);
      }
      const guildId = channel.guild_id;
      ctx.emit(guildId, "MESSAGE_DELETE", {
        id: messageId,
        channel_id: channel.id,
        ...(guildId === null ? {} : { guild_id: guildId }),
      }, guildId === null ? Intent.DirectMessages : Intent.GuildMessages);
    },
    bulkDeleteMessages(channelRef, messageIds) {
      const channel = state.channels.get(idOf(channelRef));
      if (channel === undefined || channel.guild_id === null) {
        throw new RangeError(`Cannot bulk delete in ${idOf(channelRef)}: not a guild channel`);
      }
      for (const id of messageIds) {
        if (!state.deleteMessage(channel.id, id)) {
          throw new RangeError(`Cannot delete message ${id}: it is not in the channel`);
        }
      }
      ctx.emit(channel.guild_id, "MESSAGE_DELETE_BULK", {
        ids: [...messageIds],
        channel_id: channel.id,
        guild_id: channel.guild_id,
      }, Intent.GuildMessages);
    },
    setBotPermissions(guild, bits) {
      const guildId = idOf(guild);
      let roleId = state.botRoles.get(guildId);
      if (roleId === undefined) {
        roleId = state.createRole(guildId, { name: state.botUser.username, managed: true }).id;
        state.botRoles.set(guildId, roleId);
        const member = state.member(guildId, state.botUser.id) ??
          state.addMember(guildId, state.botUser.id, []);
        member.roles.push(roleId);
      }
      const role = state.roles.get(roleId);
      if (role !== undefined) {
        role.permissions = String(bits);
        ctx.emit(
          guildId,
          "GUILD_ROLE_UPDATE",
          { guild_id: guildId, role: state.roleJson(role) },
          Intent.Guilds,
        );
      }
      state.changed();
    },
    setDmsClosed(user, isClosed) {
      const found = state.users.get(idOf(user));
      if (found === undefined) {
        throw new RangeError(`Cannot close DMs of user ${idOf(user)}: unknown user`);
      }
      found.dmsClosed = isClosed;
    },
    removeBot(guild) {
      const guildId = idOf(guild);
      state.members.get(guildId)?.delete(state.botUser.id);
      ctx.emit(guildId, "GUILD_DELETE", { id: guildId }, Intent.Guilds);
      state.changed();
    },
    inviteBotBack(guild) {
      const guildId = idOf(guild);
      const found = state.guilds.get(guildId);
      if (found === undefined) {
        throw new RangeError(`Cannot invite the bot to ${guildId}: unknown guild`);
      }
      const roleId = state.botRoles.get(guildId);
      state.addMember(guildId, state.botUser.id, roleId === undefined ? [] : [roleId]);
      emitGuildCreate(found);
      state.changed();
    },
    seedGuilds(count, o = {}) {
      const guilds: FakeGuild[] = [];
      for (let g = 0; g < count; g++) {
        const guild = state.createGuild({ name: `guild-${g}` });
        for (let r = 0; r < (o.roles ?? 20); r++) state.createRole(guild.id, { name: `role-${r}` });
        for (let m = 0; m < (o.members ?? 100); m++) {
          const user = state.createUser({ username: `member-${g}-${m}` });
          state.addMember(guild.id, user.id, []);
        }
        const channels = o.channels ?? 50;
        const category = channels > 0
          ? state.createChannel(guild.id, { name: "Text", type: 4, position: 0 })
          : null;
        for (let c = 1; c < channels; c++) {
          state.createChannel(guild.id, {
            name: `channel-${c}`,
            parentId: category?.id ?? null,
            position: c,
          });
        }
        emitGuildCreate(guild);
        guilds.push(guild);
      }
      return guilds;
    },

    interact(raw) {
      const payload = completePayload(raw);
      const { pending, response } = interactions.register(payload);
      gateway.dispatchToGuild(pending.guildId, "INTERACTION_CREATE", payload);
      return makeHandle(pending, payload, response);
    },
    async interactHttp(url, raw, o = {}) {
      const payload = completePayload(raw);
      const signature = o.signature ?? "valid";
      const body = JSON.stringify(payload);
      const seconds = Math.floor(Date.now() / 1000) - (signature === "stale" ? 600 : 0);
      const timestamp = String(seconds);
      let hex = await signInteraction(keys, timestamp, body);
      if (signature === "bad") hex = await signInteraction(keys, timestamp, body + " ");
      let pending: PendingInteraction | null = null;
      let response: Promise<InteractionAnswer>;
      if (signature === "valid") {
        const registered = interactions.register(payload);
        pending = registered.pending;
        response = registered.response;
      } else {
        response = Promise.reject(new Error(`Interaction was sent with a ${signature} signature`));
        response.catch(() => {});
      }
      const sentAt = performance.now();
      const answer = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-signature-ed25519": hex,
          "x-signature-timestamp": timestamp,
          "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
        },
        body,
      });
      const text = await answer.text();
      const receivedAt = performance.now();
      let parsed: unknown = text;
      try {
        parsed = text === "" ? null : JSON.parse(text);
      } catch {
        parsed = text;
      }
      if (
        pending !== null && answer.status === 200 && parsed !== null && typeof parsed === "object"
      ) {
        const check = validateBody(
          "POST",
          "/interactions/{interaction_id}/{interaction_token}/callback",
          parsed,
        );
        const problems = [check.ok ? null : check.summary, unreadFields(parsed)];
        for (const detail of problems) {
          if (detail !== null) {
            violation({ kind: "schema", method: "HTTP", route: "/interactions", detail });
          }
        }
        // Discord processes an answer in the body a little after it arrives.
        const lagMs = options.httpAnswerLagMs ?? 20;
        if (lagMs > 0) await new Promise((resolve) => setTimeout(resolve, lagMs));
        applyFirstAnswer(
          ctx,
          pending,
          parsed as Record<string, unknown>,
          [],
          "http",
          receivedAt,
        );
        if (pending.answer !== null) pending.answer.elapsedMs = receivedAt - sentAt;
      }
      return {
        status: answer.status,
        body: parsed,
        handle: makeHandle(pending, payload, response),
      };
    },

    inject429: (o) => limiter.inject429(o),
    inject5xx: (o) =>
      failures.push(
        {
          route: o.route,
          status: o.status ?? 500,
          code: 0,
          left: o.count,
        } as RestPipeline["failures"][number],
      ),
    failNext: (o) => failures.push({ ...o, left: 1 }),
    holdNext(o) {
      const hold: PendingHold = {
        options: o,
        taken: false,
        arrived: Promise.withResolvers<CallRecord>(),
        released: Promise.withResolvers<void>(),
      };
      holds.push(hold);
      return { arrived: hold.arrived.promise, release: () => hold.released.resolve() };
    },
    earlyRetries: () => [...limiter.earlyRetries],
    maxGlobalRequestsPerSecond: () => limiter.maxGlobalPerSecond,
    disconnect: (shardId, o) => gateway.disconnect(shardId, o),

    waitFor: (predicate, timeoutMs, what) => waiter.waitFor(predicate, timeoutMs, what),
    waitForCall: (route, timeoutMs, test) =>
      waiter.waitFor(
        () =>
          calls.find((c) =>
            c.status !== 0 && matchesRoute(route, c.method, c.route) && (test?.(c) ?? true)
          ),
        timeoutMs,
        `a call to ${String(route)}`,
      ),
    assertNoViolations() {
      const early = limiter.earlyRetries;
      if (violations.length === 0 && early.length === 0) return;
      const lines = [
        ...violations.map((v) => `${v.kind}: ${v.method} ${v.route}: ${v.detail}`),
        ...early.map((e) =>
          `early retry: ${e.method} ${e.path} ${e.earlyByMs.toFixed(1)} ms early${
            e.global ? " (global)" : ""
          }`
        ),
      ];
      throw new AssertionError({
        message: `The fake Discord saw ${lines.length} violation(s):\n${lines.join("\n")}`,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      interactions.close();
      waiter.cancelAll();
      for (const hold of holds) hold.released.resolve();
      const sockets = [...gateway.sockets];
      const done = sockets.map((socket) =>
        socket.readyState === WebSocket.CLOSED
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
            socket.addEventListener("close", () => resolve(), { once: true });
          })
      );
      gateway.closeAll();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all(done),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 2000);
        }),
      ]);
      clearTimeout(timer);
      await server.shutdown();
    },
  };
  return fake;
}

export type {
  CallRecord,
  EarlyRetry,
  FakeChannel,
  FakeGuild,
  FakeMessage,
  FakeRole,
  FakeUser,
  Violation,
};
export type { InteractionAnswer, InteractionEvent, InteractionHandle };
