/**
 * The assistant's part of `deno task demo --assistant`: the real `ticketeer
 * assistant` server on 127.0.0.1 answering from `tests/demo/assistant_docs/`, and
 * alice's conversation with it in her ticket until she asks for a person.
 */
import type { TicketeerApp } from "../../src/app/start.ts";
import { DEFAULT_HANDOFF_PHRASES } from "../../src/assistant/assistant_config.ts";
import { type RunningAssistant, startAssistant } from "../../src/assistant/start_assistant.ts";
import type { ChannelId } from "../../src/core/ids.ts";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import type { FakeChannel, FakeMessage } from "../fake_discord/types.ts";
import type { Narrator } from "./narrate.ts";

/** The relay secret the demo's bot and assistant share. */
export const DEMO_RELAY_SECRET = "demo-relay-secret";

const WAIT_MS = 5_000;

/** Starts the assistant on a free port with the demo's documents and no model. */
export function startDemoAssistant(): Promise<RunningAssistant> {
  return startAssistant({
    host: "127.0.0.1",
    port: 0,
    secret: DEMO_RELAY_SECRET,
    model: null,
    prompt: null,
    database: ":memory:",
    docs: new URL("./assistant_docs/", import.meta.url).pathname,
    handoffPhrases: [...DEFAULT_HANDOFF_PHRASES],
    log: { level: "error", format: "text", file: null },
  });
}

/** What the story needs from the demo. */
export interface AssistantScene {
  fake: FakeDiscord;
  app: TicketeerApp;
  say: Narrator;
  ticket: FakeChannel;
  alice: { id: string; username: string };
  post: (channel: FakeChannel, who: { id: string; username: string }, text: string) => void;
  write: (line: string) => void;
}

/** Alice asks the assistant, gets a quote from the documents, then asks for a person. */
export async function playAssistantConversation(scene: AssistantScene): Promise<void> {
  const { fake, app, say, ticket, alice, post, write } = scene;
  const shown = new Set(fake.state.messagesIn(ticket.id).map((m) => m.id));
  const next = (what: string, test: (m: FakeMessage) => boolean) =>
    fake.waitFor(
      () =>
        fake.state.messagesIn(ticket.id).find((m) =>
          !shown.has(m.id) && m.author_id === fake.botUser.id && test(m)
        ),
      WAIT_MS,
      what,
    );
  const show = (message: FakeMessage, note = "") => {
    shown.add(message.id);
    write(`   ticketeer posts in ${say.channelName(ticket.id)}${note}:`);
    for (const line of say.body(message, "     ")) write(line);
  };

  post(ticket, alice, "Hi! How do I reset my password?");
  show(
    await next("the assistant's answer", (m) => m.content.startsWith("From ")),
    " (the assistant)",
  );

  post(ticket, alice, "The link expired. Can I talk to a human, please?");
  show(
    await next("the handoff", (m) => m.content.includes("automated assistant")),
    " (the assistant)",
  );
  const ping = await next("the staff ping", (m) => m.content.includes("asked for a person"));
  const call = fake.calls.find((c) =>
    c.method === "POST" && JSON.stringify(c.body).includes("asked for a person")
  );
  const roles = ((call?.body as { allowed_mentions?: { roles?: string[] } })?.allowed_mentions
    ?.roles ?? []).map((id) => say.roleName(id));
  show(ping, `, notifying ${roles.join(", ") || "nobody"} only`);
  const row = await app.stores.tickets.byChannel(ticket.id as ChannelId);
  if (row?.assistantPaused !== true) throw new Error("The assistant was not paused");
  write(`   the assistant is now paused in ${say.channelName(ticket.id)}; staff take over`);
}
