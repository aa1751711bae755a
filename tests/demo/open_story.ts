/**
 * The opening part of `deno task demo`: the admin adds a Billing type that asks
 * one question (a choice), alice opens a Billing ticket from the panel by
 * answering its form, and bob opens one about his own message with the message
 * command "Open a ticket about this".
 */
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import type { InteractionHandle } from "../fake_discord/interactions.ts";
import type { FakeChannel, FakeGuild, FakeMessage } from "../fake_discord/types.ts";
import { buttonPress, modalSubmit } from "../fixtures/interactions.ts";
import { messageCommand } from "../fixtures/context_menus.ts";
import { fillModal, type ShownModal } from "../fixtures/modal_answers.ts";
import { buttonId, finalAnswer } from "./demo_answers.ts";
import type { Narrator } from "./narrate.ts";

/** The demo's people: an id and a name. */
type Person = { id: string; username: string };

/** What the opening scenes use of the demo. */
export interface OpenScene {
  fake: FakeDiscord;
  guild: FakeGuild;
  say: Narrator;
  write: (line: string) => void;
  step(title: string): void;
  /** The payload as sent by a member whose Discord is in the demo's language. */
  inLang(payload: Record<string, unknown>): Record<string, unknown>;
  answerLines(who: string, answer: Awaited<ReturnType<typeof finalAnswer>>): void;
  /** Who sees `channel`. */
  audience(channel: FakeChannel): string;
}

/** The question the Billing type asks, as `/type set setting:questions` takes it. */
export const BILLING_QUESTIONS = "Plan (choice: Free, Pro, Team)";

/** The one new ticket channel `handle`'s answer made, its welcome narrated. */
async function newTicket(
  scene: OpenScene,
  who: Person,
  handle: InteractionHandle,
): Promise<{ ticket: FakeChannel; welcome: FakeMessage }> {
  const { fake, say, write } = scene;
  const before = new Set(fake.state.channelsOf(scene.guild.id).map((c) => c.id));
  scene.answerLines(who.username, await finalAnswer(handle));
  const ticket = fake.state.channelsOf(scene.guild.id).find((c) =>
    !before.has(c.id) && c.type === 0
  );
  if (ticket === undefined) throw new Error(`No ticket channel was created for ${who.username}`);
  write(
    `   new: ${say.channelName(ticket.id)} in ${say.channelName(ticket.parent_id ?? "")}, ` +
      scene.audience(ticket),
  );
  // The welcome message follows the link.
  const welcome = await fake.waitFor(
    () => fake.state.messagesIn(ticket.id)[0],
    10_000,
    "the ticket's welcome message",
  );
  write(`   ticketeer posts in ${say.channelName(ticket.id)}:`);
  for (const line of say.body(welcome, "     ")) write(line);
  return { ticket, welcome };
}

/** alice presses the panel's `label` button, answers the form with `choice`, and gets a ticket. */
export async function openByForm(
  scene: OpenScene,
  spec: { who: Person; where: FakeChannel; panel: FakeMessage; label: string; choice: string },
): Promise<{ ticket: FakeChannel; welcome: FakeMessage }> {
  const { fake, write, step } = scene;
  const { who, where, panel } = spec;
  step(`${who.username} clicks [ ${spec.label} ] in ${scene.say.channelName(where.id)}`);
  const shown = await fake.interact(scene.inLang(buttonPress(fake, {
    guild: scene.guild,
    channel: where,
    user: who,
    customId: buttonId(panel, spec.label),
    messageId: panel.id,
  }))).response;
  if (shown.type !== 9) throw new Error(`The button answered ${shown.type}, not a form`);
  const modal = shown.data as unknown as ShownModal;
  write(
    `   ticketeer shows ${who.username} a form (first answer after ${
      Math.round(shown.elapsedMs)
    } ms): “${modal.title}”`,
  );
  for (const { label, component } of modal.components) {
    const choices = (component.options ?? []).map((o) => o.label).join(" | ");
    write(`     ${label}: ${component.type === 3 ? `( ${choices} )` : "[ text ]"}`);
  }
  const [question] = modal.components;
  if (question === undefined) throw new Error("The form asks nothing");
  step(`${who.username} chooses “${spec.choice}” and sends the form`);
  const submitted = fake.interact(scene.inLang(modalSubmit(fake, {
    guild: scene.guild,
    channel: where,
    user: who,
    customId: modal.custom_id,
    fields: fillModal(modal, { [question.label]: spec.choice }),
  })));
  return await newTicket(scene, who, submitted);
}

/** `who` writes `text` in `where`, then opens a ticket about it from the message's Apps menu. */
export async function openAboutMessage(
  scene: OpenScene,
  spec: { who: Person; where: FakeChannel; text: string },
): Promise<{ ticket: FakeChannel; welcome: FakeMessage }> {
  const { fake, write, step, say } = scene;
  const { who, where } = spec;
  step(`${who.username} writes in ${say.channelName(where.id)}`);
  const message = fake.postMessage(where, who, spec.text);
  write(`   ${who.username}: ${spec.text}`);
  step(`${who.username} right-clicks the message → Apps → “Open a ticket about this”`);
  const handle = fake.interact(scene.inLang(messageCommand(fake, {
    guild: scene.guild,
    channel: where,
    user: who,
    name: "Open a ticket about this",
    messageId: message.id,
  })));
  return await newTicket(scene, who, handle);
}
