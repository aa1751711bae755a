/**
 * The configuration file against the fake Discord: `/config export` answers
 * with the file, importing it back changes nothing, a changed file is shown
 * then applied on Apply (the posted panel edited in place), and a file with
 * three problems is refused with all three and changes nothing.
 */
import assert from "node:assert/strict";
import {
  type Answer,
  answerOf,
  botMessagesIn,
  buttonIds,
  canView,
  command,
  type GuildPlace,
  lifecycleTest,
  newMember,
  openFromPanel,
  press,
  startTicketDesk,
} from "./world.ts";

async function exportFile(world: GuildPlace): Promise<string> {
  const answer = await command(world, { user: world.owner, name: "config", subcommand: "export" });
  assert.ok(answer.ephemeral, "only the admin sees the file");
  assert.ok(answer.messageId, answer.text);
  const message = world.fake.state.findMessage(world.general, answer.messageId);
  const file = message?.attachments[0];
  assert.ok(file, `the answer carries the file: ${answer.text}`);
  assert.match(file.filename, /^ticketeer-config-\d+\.yaml$/);
  return new TextDecoder().decode(file.data);
}

function importFile(world: GuildPlace, text: string): Promise<Answer> {
  return command(world, {
    user: world.owner,
    name: "config",
    subcommand: "import",
    options: {
      file: {
        attachment: {
          filename: "guild.yaml",
          data: new TextEncoder().encode(text),
          contentType: "application/yaml",
        },
      },
    },
  });
}

lifecycleTest(
  "/config export and /config import round trip, apply after Apply, refuse every problem",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const ticket = await openFromPanel(world, panel, newMember(world, "alice"));
    const seniors = fake.createRole(world.guild, { name: "Seniors" }).id;
    const text = await exportFile(world);
    assert.match(text, /^# ticketeer configuration/);
    assert.match((await importFile(world, text)).text, /No changes/);

    const changed = text
      .replace(/title: .*\n/, "title: Ask the team\n")
      .replace("maxOpenPerMember: 1", "maxOpenPerMember: 2")
      .replace(/staffRoleIds:\n(\s+)- "(\d+)"/, `staffRoleIds:\n$1- "$2"\n$1- "${seniors}"`)
      .replace("panels:", `  - name: Billing\n    categoryId: "${setup.category.id}"\npanels:`)
      .replace(/types:\n(\s+)- Support\n/, "types:\n$1- Support\n$1- Billing\n")
      .replace("tags: {}", "tags:\n  refund: Refunds take five working days.");
    const preview = await importFile(world, changed);
    assert.ok(preview.ephemeral);
    assert.match(preview.text, /makes 6 changes/, preview.text);
    assert.match(preview.text, /panels\[0\]\.title`: .* → "Ask the team"/);
    assert.match(preview.text, /new type “Billing”/);
    const [apply] = buttonIds(preview.body);
    assert.ok(apply && preview.messageId, preview.text);
    const before = fake.calls.length;
    const applied = await answerOf(press(world, {
      user: world.owner,
      channel: world.general,
      messageId: preview.messageId,
      customId: apply,
    }));
    assert.match(
      applied.text,
      /Applied 6 changes\. Updated the permissions of 1 open ticket\. Edited 1 posted panel\./,
      applied.text,
    );
    const calls = fake.calls.slice(before);
    assert.ok(
      calls.some((c) => c.method === "PATCH" && c.path.endsWith(`/messages/${panel.messageId}`)),
      "the panel is edited in place",
    );
    assert.ok(
      !calls.some((c) =>
        c.method === "POST" && c.path.endsWith(`/channels/${world.general}/messages`)
      ),
    );
    const edited = fake.state.findMessage(world.general, panel.messageId)!;
    assert.equal((edited.embeds[0] as { title: string }).title, "Ask the team");
    const labels = (edited.components as Array<{ components: Array<{ label: string }> }>)
      .flatMap((row) => row.components.map((c) => c.label));
    assert.deepEqual(labels, ["Support", "Billing"]);
    const staffOverwrite = fake.state.channels.get(ticket.id)?.permission_overwrites
      .find((o) => o.id === seniors);
    assert.ok(staffOverwrite, "the new staff role may see the open ticket");
    assert.ok(canView(world, ticket.id, newMember(world, "sid", [seniors])));
    const now = await exportFile(world);
    assert.match(now, /maxOpenPerMember: 2/);
    assert.match(now, /refund: Refunds take five working days\./);
    assert.match((await importFile(world, now)).text, /No changes/);

    const broken = now
      .replace("maxOpenPerMember: 2", "maxOpenPerMember: 0")
      .replace("mode: channel", "mode: forum")
      .replace("transcriptDm: true", "transcriptDm: sometimes");
    const refused = await importFile(world, broken);
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Nothing was changed: the file has 3 problems/, refused.text);
    assert.match(refused.text, /guild\.transcriptDm: /);
    assert.match(refused.text, /types\[0\]\.maxOpenPerMember: at least 1/);
    assert.match(refused.text, /types\[0\]\.mode: /);
    assert.equal(await exportFile(world), now, "nothing changed");
    assert.equal(
      botMessagesIn(fake, world.general).filter((m) => m.components.length > 0).length,
      1,
    );
  },
);
