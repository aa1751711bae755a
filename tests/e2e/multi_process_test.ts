/**
 * Two bot processes on one PostgreSQL database and one Discord: one takes
 * interactions from the gateway, the other over HTTP. Work that must happen once
 * (creating the overflow category, closing a ticket) takes turns through locks
 * held in the database, so members clicking through both at once still get one
 * "Tickets 2" and one transcript post, one DM and one channel deletion.
 */
import assert from "node:assert/strict";
import type { TicketeerApp } from "../../src/app/start.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { DIALECTS, isolateForApp } from "../fixtures/dialects.ts";
import { buttonPress } from "../fixtures/interactions.ts";
import { within } from "../../src/lib/deadline.ts";
import { bootBot, httpOrigin } from "./boot.ts";
import {
  type Answer,
  answerOf,
  askToClose,
  channelsNamed,
  guildChannels,
  linkedChannel,
  postPanel,
  setUpGuild,
  ticketOf,
} from "./world.ts";

const postgres = DIALECTS.find((d) => d.name === "postgres");
if (postgres === undefined) throw new Error("DIALECTS has no postgres entry");
// Under CI=true an unset or unreachable server fails the test instead of skipping it.
const ignore = postgres.skip !== null && Deno.env.get("CI") !== "true";
const NAME = "two processes on one PostgreSQL database make one overflow category and one close";

/** Watches both processes' lock attempts: `refused(key)` resolves once either finds `key` taken. */
function watchLocks(apps: TicketeerApp[]): { refused(key: string): Promise<void> } {
  const waiting = new Map<string, PromiseWithResolvers<void>>();
  const entry = (key: string) => {
    let found = waiting.get(key);
    if (found === undefined) {
      found = Promise.withResolvers<void>();
      waiting.set(key, found);
    }
    return found;
  };
  for (const app of apps) {
    const acquire = app.stores.locks.acquire.bind(app.stores.locks);
    app.stores.locks.acquire = async (key, ttlMs) => {
      const token = await acquire(key, ttlMs);
      if (token === null) entry(key).resolve();
      return token;
    };
  }
  return { refused: (key) => entry(key).promise };
}

/**
 * Holds the first overflow category creation (by either process, as a slow Discord
 * would) until `until` settles or a second creation starts, so the processes'
 * attempts really overlap. Resolves `arrived` when the first one is held.
 */
function holdFirstCategory(apps: TicketeerApp[], until: Promise<void>) {
  const arrived = Promise.withResolvers<void>();
  const go = Promise.withResolvers<void>();
  until.then(go.resolve);
  let creations = 0;
  for (const app of apps) {
    const create = app.discord.createChannel.bind(app.discord);
    app.discord.createChannel = async (guild, channel) => {
      if (channel.kind === "category") {
        creations++;
        if (creations === 1) {
          arrived.resolve();
          await go.promise;
        } else {
          go.resolve();
        }
      }
      return await create(guild, channel);
    };
  }
  return { arrived: arrived.promise, released: go.promise };
}

/** REST calls to `path` with `method`. */
function callsTo(fake: FakeDiscord, method: string, path: string) {
  return fake.calls.filter((c) => c.method === method && c.path.endsWith(path));
}

Deno.test({
  name: ignore ? `${NAME} [skipped: ${postgres.skip}]` : NAME,
  ignore,
  async fn() {
    const database = await isolateForApp(postgres);
    const stops: Array<() => Promise<void>> = [() => database.drop()];
    try {
      // Each process keeps to Discord's 50 requests a second on its own; the fake
      // cannot tell the two clients of one token apart, and would count a request
      // of one sent while the other was told to wait as an early retry. So the
      // fake's global limit here is the two processes' sum.
      const fake = await startFakeDiscord({ rateLimits: { globalPerSecond: 100 } });
      stops.push(() => fake.close());
      const gatewayApp = await bootBot(fake, { database: database.target });
      stops.push(() => gatewayApp.stop());
      const httpApp = await bootBot(fake, {
        database: database.target,
        gateway: false,
        httpInteractions: true,
      });
      stops.push(() => httpApp.stop());
      const interactionsUrl = `${httpOrigin(httpApp)}/interactions`;

      /** Sends an interaction to one process or the other, as Discord would. */
      const through = async (
        via: "gateway" | "http",
        payload: Record<string, unknown>,
      ): Promise<Answer> => {
        if (via === "gateway") return await answerOf(fake.interact(payload));
        const sent = await fake.interactHttp(interactionsUrl, payload);
        assert.equal(sent.status, 202, `HTTP interaction answered: ${JSON.stringify(sent.body)}`);
        return await answerOf(sent.handle);
      };

      const g = await setUpGuild(fake, 10);
      const panel = await postPanel(g);
      for (let i = 0; i < 49; i++) {
        fake.createChannel(g.guild, { name: `older-${i}`, parent: g.category });
      }
      const locks = watchLocks([gatewayApp, httpApp]);

      // Ten members click the panel at once, half through each process: one gets the
      // last place in "Tickets", the others need "Tickets 2". Its creation is held
      // until the other process has found the overflow lock taken.
      const categoryHeld = holdFirstCategory(
        [gatewayApp, httpApp],
        locks.refused(`overflow:${g.guild}`),
      );
      const clicks = Promise.all(g.members.map((user, i) =>
        through(
          i % 2 === 0 ? "gateway" : "http",
          buttonPress(fake, {
            guild: g.guild,
            channel: panel.channel,
            user,
            messageId: panel.messageId,
            customId: panel.customId,
          }),
        )
      ));
      await within(categoryHeld.arrived, 10_000, "an overflow category to be created");
      await within(categoryHeld.released, 10_000, "the other process to meet the overflow lock");
      const answers = await clicks;
      const opened = answers.map((answer, i) => {
        assert.ok(answer.ephemeral);
        assert.match(answer.text, /Your ticket is open/, `member ${i + 1}: ${answer.text}`);
        return linkedChannel(g, answer);
      });
      assert.equal(new Set(opened.map((c) => c.id)).size, 10, "ten distinct channels");
      const overflow = channelsNamed(g, "Tickets 2", 4);
      assert.equal(overflow.length, 1, "exactly one overflow category");
      assert.equal(channelsNamed(g, "Tickets 3", 4).length, 0);
      const inFirst = guildChannels(g).filter((c) => c.parent_id === g.category);
      const inSecond = guildChannels(g).filter((c) => c.parent_id === overflow[0]!.id);
      assert.equal(inFirst.length, 50, "the first category is filled to Discord's 50");
      assert.equal(inSecond.length, 9, "the other nine overflow");

      // Staff confirm the close of one ticket through both processes at once.
      const channel = opened[0]!;
      const ticket = await ticketOf(gatewayApp, channel.id);
      const ask = await askToClose(g, { channel: channel.id, user: g.staff, reason: "Solved" });
      const confirm = () =>
        buttonPress(fake, {
          guild: g.guild,
          channel: channel.id,
          user: g.staff,
          messageId: ask.messageId,
          customId: ask.confirmId,
        });
      // The first close to run is held at its log post until the other process has
      // found the close taken, so the two really overlap.
      const held = fake.holdNext({ method: "POST", route: "/channels/:id/messages" });
      const closes = Promise.all([through("gateway", confirm()), through("http", confirm())]);
      await within(held.arrived, 10_000, "the first close to post its transcript");
      await within(
        locks.refused(`close:${ticket.id}`),
        10_000,
        "the second close to wait for the first",
      );
      held.release();
      const closed = await closes;
      for (const answer of closed) {
        assert.ok(answer.ephemeral);
        assert.match(answer.text, new RegExp(`Ticket #${ticket.number} is closed`), answer.text);
      }

      assert.equal(
        callsTo(fake, "POST", `/channels/${g.logs}/messages`).filter((c) =>
          JSON.stringify(c.body).includes(`Ticket #${ticket.number} closed`)
        ).length,
        1,
        "one transcript post in the log channel",
      );
      const dms = fake.calls.filter((c) =>
        c.method === "POST" && c.route === "/channels/:id/messages" &&
        JSON.stringify(c.body).includes(`Your ticket #${ticket.number} was closed`)
      );
      assert.equal(dms.length, 1, "one DM to the opener");
      assert.equal(callsTo(fake, "DELETE", `/channels/${channel.id}`).length, 1, "one deletion");
      assert.equal(fake.state.channels.has(channel.id), false);
      const row = await httpApp.stores.tickets.get(ticket.id);
      assert.equal(row?.status, "closed");
      assert.equal(row?.closeReason, "Solved");
      fake.assertNoViolations();
    } finally {
      for (const stop of stops.reverse()) await stop();
    }
  },
});
