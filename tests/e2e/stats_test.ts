/**
 * Statistics end to end, through the real bot and the fake Discord, with a
 * clock the test moves: three tickets with known response and resolution times
 * and ratings give the exact nearest-rank medians, 90th percentiles and rating
 * mean in `/stats`, in its CSV, and on the web page and its CSV download; a
 * member who is not staff is refused in Discord and gets a 404 on the web.
 */
import assert from "node:assert/strict";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import { dmButtonPress } from "../fixtures/interactions.ts";
import { freePort } from "../fixtures/free_port.ts";
import { startWorld, type World } from "./boot.ts";
import {
  buttonIds,
  closeTicket,
  command,
  eventually,
  openTicket,
  setUpGuild,
  type TicketGuild,
  ticketOf,
} from "./world.ts";
import { CookieClient, type MovableClock } from "./web_world.ts";

const HOUR = 3_600_000;

/** Response and resolution hours, and the rating, of each ticket. */
const TICKETS = [
  { response: 1, resolution: 4, rating: 5 },
  { response: 2, resolution: 8, rating: 4 },
  { response: 6, resolution: 10, rating: 2 },
] as const;

function ratingAsk(fake: FakeDiscord, user: string): FakeMessage | undefined {
  const dm = fake.state.dmChannels.get(user);
  if (dm === undefined) return undefined;
  return fake.state.messagesIn(dm).find((m) => m.content?.includes("Rate it from 1"));
}

/** Opens, answers, closes and rates one ticket, moving the clock as it goes. */
async function workTicket(
  world: World,
  g: TicketGuild,
  clock: MovableClock,
  spec: { opener: string; response: number; resolution: number; rating: number },
) {
  const { fake, app } = world;
  const channel = await openTicket(g, spec.opener, "A question");
  const ticket = await ticketOf(app, channel.id);
  clock.advance(spec.response * HOUR);
  fake.postMessage(channel.id, g.staff, "Here is the answer");
  await eventually(
    fake,
    async () => (await app.stores.timers.timings(ticket.id))?.firstStaffResponseAt,
    10_000,
    "the first response to be recorded",
  );
  clock.advance((spec.resolution - spec.response) * HOUR);
  await closeTicket(g, { channel: channel.id, user: g.staff, reason: "Answered" });
  const ask = await fake.waitFor(() => ratingAsk(fake, spec.opener), 10_000, "the rating DM");
  // With the web pages on, a link button to the transcript comes first.
  const ids = buttonIds(ask).filter((id) => id.includes(":rate:"));
  const pressed = await fake.interact(
    dmButtonPress(fake, { user: spec.opener, customId: ids[spec.rating - 1]!, messageId: ask.id }),
  ).response;
  assert.equal(pressed.type, 9, JSON.stringify(pressed.data));
  assert.equal((await app.stores.feedback.get(ticket.id))?.rating, spec.rating, "stored first");
}

Deno.test("three tickets give the exact medians, 90th percentiles and mean in /stats, its CSV and on the web", async () => {
  let offset = 0;
  const clock: MovableClock = {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
  };
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  await using world = await startWorld({
    http: true,
    httpPort: port,
    fake: { clientSecret: "fake-client-secret" },
    web: {
      publicUrl: origin,
      clientSecret: "fake-client-secret",
      sessionSecret: "a-session-secret-of-at-least-32-bytes!",
    },
    start: { clock },
  });
  const g = await setUpGuild(world.fake, 4);
  for (const [i, spec] of TICKETS.entries()) {
    await workTicket(world, g, clock, { opener: g.members[i]!, ...spec });
  }

  const answer = await command(g, { user: g.staff, name: "stats" });
  assert.ok(answer.ephemeral, "only the one who asked sees it");
  const text = answer.text.replaceAll("\\n", "\n");
  assert.match(text, /Opened: 3\nClosed: 3\nReopened: 0\nOpen now: 0/);
  assert.match(
    text,
    /"First staff response","value":"Median: 2 hr\n90th percentile: 6 hr\n3 tickets"/,
  );
  assert.match(text, /"Resolution","value":"Median: 8 hr\n90th percentile: 10 hr\n3 tickets"/);
  assert.match(text, /3 ratings, mean 3\.67/);
  assert.match(text, /1★ 0 · 2★ 1 · 3★ 0 · 4★ 1 · 5★ 1/);
  assert.match(
    text,
    new RegExp(`<@${g.staff}>: 3 handled, 3 messages, median first response 2 hr`),
  );
  assert.ok(answer.messageId, answer.text);
  const file = world.fake.state.findMessage(g.general, answer.messageId)?.attachments[0];
  assert.ok(file, "the CSV is attached");
  assert.match(file.filename, /^ticketeer-stats-\d+-30d\.csv$/);
  const csv = new TextDecoder().decode(file.data).split("\r\n");
  assert.equal(csv.length, 5, "a header, three tickets and the last line end");
  assert.deepEqual(
    csv.slice(1, 4).map((line) => line.split(",").slice(7, 10)),
    [["14400", "5", "normal"], ["28800", "4", "normal"], ["36000", "2", "normal"]],
  );

  const refused = await command(g, { user: g.members[3]!, name: "stats" });
  assert.match(refused.text, /Only staff can see the statistics/);

  const staff = new CookieClient();
  await staff.signIn(origin, g.staff);
  const pageResponse = await staff.fetch(`${origin}/web/g/${g.guild}/stats`);
  assert.equal(pageResponse.status, 200);
  const html = await pageResponse.text();
  const figure = (id: string) => new RegExp(`data-figure="${id}">([^<]*)<`).exec(html)?.[1];
  assert.equal(figure("first_response_median"), "2 hr");
  assert.equal(figure("first_response_p90"), "6 hr");
  assert.equal(figure("resolution_median"), "8 hr");
  assert.equal(figure("resolution_p90"), "10 hr");
  assert.equal(figure("rating_mean"), "3.67");
  assert.equal((html.match(/<svg /g) ?? []).length, 4, "four charts");
  assert.equal((html.match(/<td>[^<]*<code>/g) ?? []).length, 1, "one staff member, not the bot");
  assert.match(html, /<td>sam-staff <code>/, "shown by the name the server shows");
  const download = await staff.fetch(`${origin}/web/g/${g.guild}/stats.csv`);
  assert.equal(download.status, 200);
  assert.match(download.headers.get("content-type") ?? "", /^text\/csv/);
  assert.deepEqual((await download.text()).split("\r\n").slice(1), csv.slice(1));

  const member = new CookieClient();
  await member.signIn(origin, g.members[3]!);
  const hidden = await member.fetch(`${origin}/web/g/${g.guild}/stats`);
  await hidden.body?.cancel();
  assert.equal(hidden.status, 404);
  const hiddenCsv = await member.fetch(`${origin}/web/g/${g.guild}/stats.csv`);
  await hiddenCsv.body?.cancel();
  assert.equal(hiddenCsv.status, 404);
});
