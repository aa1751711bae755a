import type { Violation } from "./types.ts";

/** The first answer to an interaction. */
export interface InteractionAnswer {
  /** Callback type: 4 message, 5 deferred message, 6 deferred update, 7 update, 9 modal. */
  type: number;
  data: Record<string, unknown> | null;
  /** Milliseconds from dispatch (or HTTP send) to the answer's receipt. */
  elapsedMs: number;
  /** How it came: a REST callback, or the body of the HTTP interaction's answer. */
  via: "rest" | "http";
}

/** Something the bot did with an interaction after dispatch. */
export interface InteractionEvent {
  kind:
    | "callback"
    | "edit_original"
    | "get_original"
    | "delete_original"
    | "follow_up"
    | "edit_follow_up";
  body: unknown;
  /** The message made or changed, if any. */
  messageId: string | null;
  at: number;
}

/** A dispatched interaction as the fake tracks it. */
export interface PendingInteraction {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string | null;
  /** The message a component was on (type 3). */
  messageId: string | null;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The message `@original` names, once there is one. */
  originalMessageId: string | null;
  /** True when the first answer asked for an ephemeral (flag 64) message. */
  ephemeral: boolean;
  events: InteractionEvent[];
  answer: InteractionAnswer | null;
  resolve: (answer: InteractionAnswer) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** What `interact()` hands back: the first answer and a way to see later edits and follow-ups. */
export interface InteractionHandle {
  id: string;
  token: string;
  /** The raw INTERACTION_CREATE payload sent. */
  payload: Record<string, unknown>;
  /** Resolves with the first answer; rejects when none came within the deadline. */
  response: Promise<InteractionAnswer>;
  /** Everything the bot did with this interaction so far. */
  events(): InteractionEvent[];
  /**
   * Ages the interaction as if its token had expired (past the deadline and the token
   * lifetime): a first answer then gets 10062, edits and follow-ups 401 code 50027.
   */
  expire(): void;
  /** Resolves with the `n`-th (1-based, default 1) event of `kind`, waiting up to `timeoutMs`. */
  waitForEvent(
    kind: InteractionEvent["kind"],
    timeoutMs: number,
    n?: number,
  ): Promise<InteractionEvent>;
}

/** Interaction bookkeeping: answered once, within the deadline, token valid for a while. */
export class InteractionRegistry {
  readonly byId: Map<string, PendingInteraction> = new Map();
  readonly byToken: Map<string, PendingInteraction> = new Map();
  readonly deadlineMs: number;
  readonly tokenTtlMs: number;
  readonly #violation: (v: Omit<Violation, "at">) => void;
  readonly #onChange: () => void;

  constructor(
    options: { deadlineMs: number; tokenTtlMs: number },
    hooks: { violation: (v: Omit<Violation, "at">) => void; onChange: () => void },
  ) {
    this.deadlineMs = options.deadlineMs;
    this.tokenTtlMs = options.tokenTtlMs;
    this.#violation = hooks.violation;
    this.#onChange = hooks.onChange;
  }

  /** Starts tracking an interaction; the deadline clock starts now. */
  register(
    payload: Record<string, unknown>,
  ): { pending: PendingInteraction; response: Promise<InteractionAnswer> } {
    let resolve!: (answer: InteractionAnswer) => void;
    let reject!: (error: Error) => void;
    const response = new Promise<InteractionAnswer>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A test that never awaits the answer must not fail on an unhandled rejection.
    response.catch(() => {});
    const message = payload.message as { id?: string } | undefined;
    const pending: PendingInteraction = {
      id: String(payload.id),
      token: String(payload.token),
      type: Number(payload.type),
      guildId: typeof payload.guild_id === "string" ? payload.guild_id : null,
      channelId: typeof payload.channel_id === "string" ? payload.channel_id : null,
      messageId: message?.id ?? null,
      dispatchedAt: performance.now(),
      acknowledged: false,
      originalMessageId: null,
      ephemeral: false,
      events: [],
      answer: null,
      resolve,
      reject,
      timer: undefined,
    };
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      if (pending.acknowledged) return;
      this.#violation({
        kind: "deadline",
        method: "POST",
        route: "/interactions/:id/:token/callback",
        detail: `Interaction ${pending.id} got no answer within ${this.deadlineMs} ms`,
      });
      reject(new Error(`Interaction ${pending.id} got no answer within ${this.deadlineMs} ms`));
    }, this.deadlineMs);
    this.byId.set(pending.id, pending);
    this.byToken.set(pending.token, pending);
    return { pending, response };
  }

  /** True when the interaction's deadline for a first answer has passed. */
  isLate(pending: PendingInteraction, now: number): boolean {
    return now - pending.dispatchedAt > this.deadlineMs;
  }

  /** True when the token may still be used for edits and follow-ups. */
  tokenAlive(pending: PendingInteraction, now: number): boolean {
    return now - pending.dispatchedAt <= this.tokenTtlMs;
  }

  /** Ages an interaction past its deadline and token lifetime. */
  expire(pending: PendingInteraction): void {
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    pending.timer = undefined;
    pending.dispatchedAt = performance.now() - this.tokenTtlMs - this.deadlineMs - 1;
    if (!pending.acknowledged) {
      pending.reject(new Error(`Interaction ${pending.id} expired before it was answered`));
    }
    this.#onChange();
  }

  /** Marks the first answer. */
  acknowledge(pending: PendingInteraction, answer: InteractionAnswer): void {
    pending.acknowledged = true;
    pending.answer = answer;
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    pending.timer = undefined;
    pending.resolve(answer);
    this.#onChange();
  }

  /** Records an event on the interaction. */
  record(pending: PendingInteraction, event: Omit<InteractionEvent, "at">): void {
    pending.events.push({ ...event, at: performance.now() });
    this.#onChange();
  }

  /** Stops every deadline timer. */
  close(): void {
    for (const pending of this.byId.values()) {
      if (pending.timer !== undefined) clearTimeout(pending.timer);
      pending.timer = undefined;
    }
  }
}

/** An Ed25519 key pair for signing HTTP interactions, with the public key as hex. */
export interface SigningKeys {
  privateKey: CryptoKey;
  publicKeyHex: string;
}

/** Makes the application's Ed25519 key pair. */
export async function makeSigningKeys(): Promise<SigningKeys> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return { privateKey: pair.privateKey, publicKeyHex: toHex(raw) };
}

/** Signs `timestamp + body` like Discord does; the signature is hex. */
export async function signInteraction(
  keys: SigningKeys,
  timestamp: string,
  body: string,
): Promise<string> {
  const data = new TextEncoder().encode(timestamp + body);
  const signature = new Uint8Array(await crypto.subtle.sign("Ed25519", keys.privateKey, data));
  return toHex(signature);
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
