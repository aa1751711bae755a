import assert from "node:assert/strict";
import { contentOf, refusalText, type TicketWorld } from "../../../tests/fixtures/ticket_world.ts";
import {
  ADMIN_PERMISSIONS,
  commandInput,
  componentInput,
  memberRef,
  opt,
} from "../../../tests/fixtures/inputs.ts";
import { ticketWithWords, WORDS } from "../../../tests/fixtures/archived_words.ts";
import type { MemberRef } from "../interaction.ts";
import type { Reply } from "../reply.ts";

function askErase(world: TicketWorld, member: MemberRef) {
  return world.run(commandInput({
    name: "privacy",
    subcommand: "erase",
    member,
    options: { user: opt.user(world.alice.user) },
  }));
}

function buttons(reply: Reply): string[] {
  assert.equal(reply.kind, "message");
  if (reply.kind !== "message") return [];
  return (reply.body.components ?? []).flatMap((row) =>
    row.components.map((c) => "custom_id" in c ? c.custom_id : "")
  );
}

const press = (world: TicketWorld, member: MemberRef, customId: string) =>
  world.run(componentInput({ member, customId }));

async function archiveText(world: Awaited<ReturnType<typeof ticketWithWords>>): Promise<string> {
  return (await world.stores.archive.messages(world.ticket.id)).map((m) => m.payload).join("\n");
}

async function erasures(world: TicketWorld) {
  return (await world.stores.audit.recent(world.discord.guildId, 50))
    .filter((e) => e.action === "privacy.erase");
}

Deno.test("/privacy erase asks the admin first; Erase removes the member's words and counts them", async () => {
  await using world = await ticketWithWords();
  const question = await askErase(world, world.admin);
  assert.equal(question.kind === "message" && question.ephemeral, true);
  assert.match(contentOf(question), new RegExp(`<@${world.alice.user.id}>`));
  assert.match(
    await archiveText(world),
    /12 Elm Street/,
    "nothing is erased before the confirmation",
  );
  const [confirm] = buttons(question);
  assert.ok(confirm?.startsWith("t1:eraseok:"), confirm);

  const defers = world.ctx.defers.length;
  const done = await press(world, world.admin, confirm!);
  assert.deepEqual(world.ctx.defers.slice(defers), [{ ephemeral: true }]);
  assert.equal(
    contentOf(done),
    `Erased <@${world.alice.user.id}>’s words: 1 message in 1 ticket; 0 transcripts rendered again.`,
  );
  const text = await archiveText(world);
  assert.doesNotMatch(text, /Elm Street/, "her words and the quote of them are gone");
  assert.match(text, /a replacement is on its way/, "the staff's words stay");
  assert.ok(text.includes(WORDS.staffAsks), "and so does the question she quoted");
  const logs = (await world.stores.settings.guild(world.discord.guildId)).logChannelId;
  assert.ok(
    world.discord.messagesIn(logs!).some((m) =>
      m.body.content ===
        `<@${world.admin.user.id}> erased the words of <@${world.alice.user.id}> from the tickets`
    ),
    "the log channel is told",
  );
  const [audit] = await erasures(world);
  assert.equal(audit?.actorId, world.admin.user.id);
  assert.deepEqual(audit?.detail, {
    user_id: world.alice.user.id,
    tickets: 1,
    messages: 1,
    transcripts: 0,
  });
});

Deno.test("/privacy erase refuses a member without Manage Server and changes nothing", async () => {
  await using world = await ticketWithWords();
  const before = await archiveText(world);
  const refused = await askErase(world, world.bob);
  assert.match(refusalText(refused, "not_admin"), /Manage Server/);
  // A forged Erase button from someone without Manage Server is refused too.
  const forged = `t1:eraseok:${world.alice.user.id}:${world.bob.user.id}`;
  refusalText(await press(world, world.bob, forged), "not_admin");
  assert.equal(await archiveText(world), before);
  assert.deepEqual(await erasures(world), []);
});

Deno.test("/privacy erase may be confirmed only by the admin who asked", async () => {
  await using world = await ticketWithWords();
  const before = await archiveText(world);
  const [confirm] = buttons(await askErase(world, world.admin));
  const otherAdmin = memberRef(world.newMember("other-admin").user, {
    permissions: ADMIN_PERMISSIONS,
  });
  const refused = await press(world, otherAdmin, confirm!);
  assert.match(refusalText(refused, "not_allowed"), /Only the admin who asked/);
  assert.equal(await archiveText(world), before);
  assert.deepEqual(await erasures(world), []);
});

Deno.test("/privacy erase Cancel erases nothing and says so", async () => {
  await using world = await ticketWithWords();
  const before = await archiveText(world);
  const [, cancel] = buttons(await askErase(world, world.admin));
  const reply = await press(world, world.admin, cancel!);
  assert.equal(reply.kind, "update");
  assert.equal(contentOf(reply), "Nothing was erased.");
  assert.equal(await archiveText(world), before);
});
