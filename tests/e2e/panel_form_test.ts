/**
 * The panel's form: with a question configured, the panel button answers with a
 * modal (never a defer first), and the submitted answer becomes the ticket's topic.
 */
import assert from "node:assert/strict";
import { channelId } from "../../src/core/ids.ts";
import { modalSubmit } from "../fixtures/interactions.ts";
import {
  answerOf,
  command,
  lifecycleTest,
  linkedChannel,
  newMember,
  postPanel,
  pressPanel,
  startTicketDesk,
  welcomeIn,
} from "./world.ts";

lifecycleTest(
  "a configured question is asked in a form and its answer is shown in the welcome message",
  async (dialect) => {
    await using desk = await startTicketDesk(dialect);
    const { fake } = desk;
    const question = "What is your order number?";
    const set = await command(desk, {
      user: desk.owner,
      name: "config",
      group: "set",
      subcommand: "question",
      options: { text: question },
    });
    assert.ok(set.ephemeral, set.text);
    const panel = await postPanel(desk);
    const member = newMember(desk, "quinn");

    const click = pressPanel(desk, panel, member);
    const first = await click.response;
    assert.equal(first.type, 9, "the panel answers with a form");
    assert.ok(first.elapsedMs < 3000);
    const modal = first.data as {
      custom_id: string;
      title: string;
      components: Array<{ type: number; label: string; component: { custom_id: string } }>;
    };
    const field = modal.components[0];
    assert.equal(field?.type, 18, "the question is a Label around its text input");
    assert.equal(field?.label, question);
    const input = field?.component;

    const submitted = fake.interact(modalSubmit(fake, {
      guild: desk.guild,
      channel: panel.channel,
      user: member,
      customId: modal.custom_id,
      fields: { [input!.custom_id]: "A-1042 <script>alert(1)</script>" },
    }));
    const answer = await answerOf(submitted);
    assert.ok(answer.ephemeral);
    const channel = linkedChannel(desk, answer);
    const welcome = await welcomeIn(fake, channel.id);
    const shown = JSON.stringify(welcome.embeds);
    assert.ok(shown.includes(question), `the welcome shows the question: ${shown}`);
    assert.ok(shown.includes("A-1042 <script>alert(1)</script>"), "the answer is shown as typed");
    const ticket = await desk.app.stores.tickets.byChannel(channelId(channel.id));
    assert.equal(ticket?.topic, "A-1042 <script>alert(1)</script>");
    fake.assertNoViolations();
  },
);
