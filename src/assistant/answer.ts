/**
 * Chooses the assistant's answer to one relayed message: a handoff to staff when
 * the member asks for a person; else the model's answer, grounded in the best
 * passages, when a model is configured; else the best passage quoted when it
 * matches well (score at least `MIN_SCORE`); else nothing (`{"reply": ""}`).
 * Every answer says it comes from the assistant, never from staff.
 */
import type { Logger } from "@logtape/logtape";
import type { ConversationStore } from "./conversation_store.ts";
import { type DocsIndex, type Hit, MIN_SCORE } from "./docs_index.ts";
import { handoffMatcher } from "./handoff.ts";
import type { ModelClient } from "./model_client.ts";
import { systemMessage } from "./prompt.ts";
import type { RelayBody } from "./relay_body.ts";

/** The last line of every non-empty answer. */
export const ASSISTANT_FOOTER =
  "-# Automated answer from the ticket assistant, not from staff. Ask for a person any time.";

/** The answer when a member asks for a person. */
export const HANDOFF_REPLY =
  "I'm only the automated assistant, so I've asked staff to take over. A person will answer you here.";

/** Longest quote from a document, and longest model answer, in characters. */
const MAX_QUOTE = 700;
const MAX_MODEL_ANSWER = 1500;

/** What the relay answers, and where it came from (for the log). */
export interface Answer {
  reply: string;
  handoff?: true;
  source: "handoff" | "model" | "docs" | "none";
}

export interface AnswererOptions {
  docs: DocsIndex | null;
  model: ModelClient | null;
  /** Conversations, used with a model. */
  store: ConversationStore | null;
  prompt: string;
  handoffPhrases: readonly string[];
  log: Logger;
}

/** Answers relayed messages. */
export type Answerer = (body: RelayBody) => Promise<Answer>;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf(". "), cut.lastIndexOf(" "));
  return `${cut.slice(0, end > max / 2 ? end + 1 : max).trimEnd()} \u2026`;
}

/** The reply quoting one passage with its document's title. */
export function quotePassage(hit: Hit): string {
  const where = hit.heading === hit.title
    ? `**${hit.title}**`
    : `**${hit.title}** (${hit.heading})`;
  const quote = shorten(hit.text, MAX_QUOTE).split("\n").map((line) => `> ${line}`).join("\n");
  return `From ${where}:\n${quote}\n${ASSISTANT_FOOTER}`;
}

/** Creates the answerer over its documents, model and store (any of them may be absent). */
export function createAnswerer(options: AnswererOptions): Answerer {
  const { docs, model, store, prompt, log } = options;
  const asksForPerson = handoffMatcher(options.handoffPhrases);

  return async (body) => {
    if (asksForPerson(body.content)) {
      return { reply: `${HANDOFF_REPLY}\n${ASSISTANT_FOOTER}`, handoff: true, source: "handoff" };
    }
    const hits = docs === null ? [] : await docs.search(body.content, 3);
    if (model === null) {
      const best = hits[0];
      if (best === undefined || best.score < MIN_SCORE) return { reply: "", source: "none" };
      return { reply: quotePassage(best), source: "docs" };
    }

    const ticket = `${body.guild_id}:${body.ticket_id}`;
    const turn = { role: "user" as const, content: body.content, messageId: body.message_id };
    store?.add(ticket, turn);
    const history = store?.recent(ticket) ?? [turn];
    const completion = await model.complete([
      { role: "system", content: systemMessage(prompt, hits) },
      ...history.map(({ role, content }) => ({ role, content })),
    ]);
    if (!completion.ok) {
      log.warning(
        "The model did not answer ticket {ticketNumber} in guild {guildId} after {attempts} attempts: {reason}; answering nothing",
        {
          ticketNumber: body.ticket_number,
          guildId: body.guild_id,
          attempts: completion.attempts,
          reason: completion.reason,
        },
      );
      return { reply: "", source: "none" };
    }
    if (completion.text === "") return { reply: "", source: "none" };
    const text = shorten(completion.text, MAX_MODEL_ANSWER);
    store?.add(ticket, { role: "assistant", content: text, messageId: body.message_id });
    return { reply: `${text}\n${ASSISTANT_FOOTER}`, source: "model" };
  };
}
