import assert from "node:assert/strict";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import type { CommandInput } from "../interaction.ts";

const inLocale = (input: CommandInput, locale: string, guildLocale?: string): CommandInput => ({
  ...input,
  locale,
  ...(guildLocale ? { guildLocale } : {}),
});

Deno.test("/config set language sets the server's language, answering in the reader's", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const language = (member = world.admin, value = "de") =>
    inLocale(
      commandInput({
        name: "config",
        group: "set",
        subcommand: "language",
        member,
        options: { language: opt.string(value) },
      }),
      "fr",
    );
  refusalText(await world.run(language(world.staff)), "not_admin");
  const reply = await world.run(language());
  assert.equal(
    reply.kind === "message" && reply.body.content,
    "Les messages publics de ce serveur sont désormais en Deutsch.",
  );
  assert.equal((await world.stores.settings.guild(TEST_GUILD_ID)).language, "de");
  // Every interaction keeps the member's locale, for the direct messages they get later.
  assert.equal(await world.stores.settings.memberLocale(world.admin.user.id), "fr");
  refusalText(await world.run(language(world.admin, "xx")), "invalid_value");
});

Deno.test("public messages follow the server's language and ephemeral ones the reader's", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const inTicket = { member: world.staff, channelId: ticket.channelId! };
  const claimed = await world.run(
    inLocale(commandInput({ name: "ticket", subcommand: "claim", ...inTicket }), "en-US", "pt-BR"),
  );
  assert.match(claimed.kind === "message" ? claimed.body.content ?? "" : "", /está cuidando/);
  await world.stores.settings.updateGuild(TEST_GUILD_ID, { language: "es-ES" });
  const again = await world.run(
    inLocale(commandInput({ name: "ticket", subcommand: "claim", ...inTicket }), "de"),
  );
  assert.equal(refusalText(again, "already_claimed"), "Du kümmerst dich schon um dieses Ticket.");
  const released = await world.run(
    inLocale(commandInput({ name: "ticket", subcommand: "unclaim", ...inTicket }), "de", "fr"),
  );
  assert.match(
    released.kind === "message" ? released.body.content ?? "" : "",
    /liberó este ticket/,
  );
});

Deno.test("/config show speaks the reader's language", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const reply = await world.run(
    inLocale(commandInput({ name: "config", subcommand: "show", member: world.admin }), "de"),
  );
  const embed = reply.kind === "message" ? reply.body.embeds?.[0] : undefined;
  assert.equal(embed?.title, "Ticket-Einstellungen");
  const access = embed?.fields?.find((f) => f.name === "Wer darf was")?.value ?? "";
  assert.match(access, /claim +ja +ja +- +-/);
});
