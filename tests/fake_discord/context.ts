import type { FakeGateway } from "./gateway.ts";
import type { InteractionRegistry } from "./interactions.ts";
import type { FakeState } from "./state.ts";
import type { FakeMessage, Violation } from "./types.ts";

/** An uploaded file of a multipart body. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string | null;
  data: Uint8Array;
}

/** A REST request after parsing: route parameters, query, JSON body and files. */
export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** True when the request carried the bot's `Authorization`. */
  authorized: boolean;
  now: number;
}

/** Gateway intents the fake filters dispatches by. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** What route handlers share: the state, the gateway, interactions and settings. */
export interface FakeContext {
  state: FakeState;
  gateway: FakeGateway;
  interactions: InteractionRegistry;
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  token: string;
  maxConcurrency: number;
  /** Hex Ed25519 public key of the application (for HTTP interactions). */
  publicKeyHex: string;
  /** Whether the application has the Message Content privileged intent approved. */
  messageContentIntent: boolean;
  violation(v: Omit<Violation, "at">): void;
  /** Sends a dispatch to the guild's shard when the shard's intents include `intent`. */
  emit(guildId: string | null, t: string, d: unknown, intent: number | null): void;
  /** Dispatches MESSAGE_CREATE/UPDATE for a message, blanking content without the intent. */
  emitMessage(t: "MESSAGE_CREATE" | "MESSAGE_UPDATE", message: FakeMessage): void;
}

/** A route handler. */
export type Handler = (request: RestRequest, ctx: FakeContext) => Response | Promise<Response>;
