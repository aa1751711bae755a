/**
 * Asks an OpenAI-compatible Chat Completions endpoint (`POST {base}/chat/completions`,
 * `stream: false`) for one answer. A failed attempt - no answer in time, a network
 * error, a 429, any other non-2xx or an unreadable answer - is retried once; after
 * that the caller gets the reason and answers nothing.
 */
import type { ModelConfig } from "./assistant_config.ts";
import { parseRetryAfter } from "../relay/relay_client.ts";
import { readBounded } from "../lib/read_bounded.ts";

/** A message of a Chat Completions conversation. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The model's answer, or why there is none. */
export type Completion =
  | { ok: true; text: string; attempts: number }
  | { ok: false; reason: string; attempts: number };

/** Talks to the model. */
export interface ModelClient {
  /** Never throws for model trouble. */
  complete(messages: ChatMessage[]): Promise<Completion>;
}

export interface ModelClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Wait before the retry, unless `Retry-After` asks for less. Default 250 ms. */
  retryDelayMs?: number;
  /** Longest wait before the retry. Default 2,000 ms. */
  maxRetryDelayMs?: number;
  /** Most tokens asked for (short answers). Default 400. */
  maxTokens?: number;
}

const MAX_ANSWER_BYTES = 1024 * 1024;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { ok: true; text: string } | {
  ok: false;
  reason: string;
  retryAfterMs: number | null;
};

/** Creates a client for the configured model. */
export function createModelClient(
  config: ModelConfig,
  options: ModelClientOptions = {},
): ModelClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 2_000;
  const endpoint = `${config.url}/chat/completions`;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (config.apiKey !== null) headers.Authorization = `Bearer ${config.apiKey}`;

  async function attempt(body: string): Promise<Attempt> {
    const signal = AbortSignal.timeout(config.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(endpoint, { method: "POST", headers, body, signal });
    } catch (error) {
      return { ok: false, reason: describe(error, config.timeoutMs), retryAfterMs: null };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readBounded(response, MAX_ANSWER_BYTES);
    } catch (error) {
      return { ok: false, reason: describe(error, config.timeoutMs), retryAfterMs: null };
    }
    if (response.status < 200 || response.status >= 300) {
      return {
        ok: false,
        reason: `the model answered HTTP ${response.status}`,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), Date.now()),
      };
    }
    if (bytes === null) {
      return { ok: false, reason: "the model's answer is larger than 1 MiB", retryAfterMs: null };
    }
    try {
      const json = JSON.parse(new TextDecoder().decode(bytes));
      const content = json?.choices?.[0]?.message?.content;
      if (typeof content !== "string") throw new TypeError("no choices[0].message.content");
      return { ok: true, text: content.trim() };
    } catch (error) {
      return {
        ok: false,
        reason: `the model's answer is not a chat completion: ${
          error instanceof Error ? error.message : error
        }`,
        retryAfterMs: null,
      };
    }
  }

  return {
    async complete(messages) {
      const body = JSON.stringify({
        model: config.model,
        messages,
        stream: false,
        max_tokens: options.maxTokens ?? 400,
        temperature: 0.2,
      });
      const first = await attempt(body);
      if (first.ok) return { ok: true, text: first.text, attempts: 1 };
      await sleep(Math.min(maxRetryDelayMs, first.retryAfterMs ?? retryDelayMs));
      const second = await attempt(body);
      if (second.ok) return { ok: true, text: second.text, attempts: 2 };
      return { ok: false, reason: `${first.reason}; then ${second.reason}`, attempts: 2 };
    },
  };
}

function describe(error: unknown, timeoutMs: number): string {
  if (
    error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")
  ) {
    return `no answer within ${timeoutMs} ms`;
  }
  return `the request failed: ${error instanceof Error ? error.message : String(error)}`;
}
