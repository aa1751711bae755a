/**
 * Starts the assistant service: resolves the prompt, indexes the documents,
 * opens the conversation store (with a model) and serves the relay routes on
 * `ASSISTANT_HOST:ASSISTANT_PORT` (port 0 takes any free port).
 */
import { getLogger } from "@logtape/logtape";
import { VERSION } from "../version.ts";
import { createAnswerer } from "./answer.ts";
import type { AssistantConfig } from "./assistant_config.ts";
import { type ConversationStore, openConversationStore } from "./conversation_store.ts";
import { type DocsIndex, openDocsIndex } from "./docs_index.ts";
import { createModelClient, type ModelClientOptions } from "./model_client.ts";
import { resolvePrompt } from "./prompt.ts";
import { createRelayHandler } from "./relay_handler.ts";

/** A running assistant service. */
export interface RunningAssistant {
  /** `http://host:port`; the bot's `RELAY_URL` is this plus `/relay`. */
  origin: string;
  port: number;
  /** Stops taking requests, finishes those in flight, closes the databases. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts the service; throws (before listening) when the documents or prompt cannot be read. */
export async function startAssistant(
  config: AssistantConfig,
  options: { model?: ModelClientOptions } = {},
): Promise<RunningAssistant> {
  const log = getLogger(["ticketeer", "assistant"]);
  const prompt = await resolvePrompt(config.prompt);
  let docs: DocsIndex | null = null;
  let store: ConversationStore | null = null;
  try {
    if (config.docs !== null) {
      try {
        docs = await openDocsIndex(config.docs, getLogger(["ticketeer", "assistant", "docs"]));
      } catch (error) {
        throw new Error(
          `Cannot index ASSISTANT_DOCS ${config.docs}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
    if (config.model !== null) store = openConversationStore(config.database);
  } catch (error) {
    docs?.close();
    throw error;
  }
  const model = config.model === null ? null : createModelClient(config.model, options.model);
  const answer = createAnswerer({
    docs,
    model,
    store,
    prompt,
    handoffPhrases: config.handoffPhrases,
    log: getLogger(["ticketeer", "assistant", "answer"]),
  });
  const handler = createRelayHandler({
    secret: config.secret,
    answer,
    log: getLogger(["ticketeer", "assistant", "http"]),
    health: () => ({
      version: VERSION,
      model: config.model === null ? "none" : "configured",
      passages: docs?.size() ?? 0,
    }),
  });
  const listening = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve(
    { hostname: config.host, port: config.port, onListen: (addr) => listening.resolve(addr) },
    handler,
  );
  const addr = await listening.promise;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const origin = `http://${host}:${addr.port}`;
  log.info(
    "Assistant listening on {origin}/relay (model: {model}, documents: {passages} passages)",
    {
      origin,
      model: config.model === null ? "none" : config.model.model,
      passages: docs?.size() ?? 0,
    },
  );
  let closed: Promise<void> | null = null;
  const close = () =>
    closed ??= server.shutdown().finally(() => {
      docs?.close();
      store?.close();
    });
  return { origin, port: addr.port, close, [Symbol.asyncDispose]: close };
}
