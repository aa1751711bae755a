/**
 * Languages end to end through the real bot and the fake Discord: `/config set
 * language de` turns the next welcome message and close summary German, and a
 * member whose Discord speaks French reads refusals in French.
 */
import assert from "node:assert/strict";
import { translator } from "../../src/i18n/translator.ts";
import { startWorld } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  closeTicket,
  command,
  commandPayload,
  eventually,
  openTicket,
  setUpGuild,
  ticketOf,
} from "./world.ts";

Deno.test("after /config set language de the next welcome and summary are German; a French member reads French", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const g = await setUpGuild(fake, 1);
  const set = await command(g, {
    user: g.owner,
    name: "config",
    group: "set",
    subcommand: "language",
    options: { language: "de" },
  });
  assert.ok(set.ephemeral, set.text);

  const opener = g.members[0]!;
  const channel = await openTicket(g, opener);
  const welcome = botMessagesIn(fake, channel.id)[0]!;
  assert.match(JSON.stringify(welcome), /Schließen/, "the welcome's buttons are German");

  // A member whose client is French is refused in French, whatever the server's language.
  const french = commandPayload(g, { user: opener, name: "ticket", subcommand: "claim" });
  french.locale = "fr";
  const refused = await answerOf(fake.interact(french));
  assert.ok(refused.ephemeral);
  assert.ok(refused.text.includes(translator("fr").t("scope.not_a_ticket")), refused.text);

  const ticket = await ticketOf(app, channel.id);
  await closeTicket(g, { channel: channel.id, user: g.staff });
  await eventually(
    fake,
    async () => (await app.stores.tickets.get(ticket.id))?.status === "closed",
    10_000,
    "closed",
  );
  const summary = botMessagesIn(fake, g.logs).find((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${ticket.number} geschlossen`)
  );
  assert.ok(summary, "the summary is German");
  fake.assertNoViolations();
});
