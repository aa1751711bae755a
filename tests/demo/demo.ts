/**
 * `deno task demo`: a short support story played against a local fake Discord by
 * the real bot, printed the way the people in it would see it. Everyone acts only
 * through what Discord offers them: slash commands, button clicks and messages.
 * It needs no token or network, ends by itself and leaves nothing behind.
 */
import { startTicketeer } from "../../src/app/start.ts";
import { Permission } from "../../src/core/permissions_bits.ts";
import { configFor } from "../e2e/boot.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { channelPermissions } from "../fake_discord/permissions.ts";
import type { FakeChannel, FakeMessage } from "../fake_discord/types.ts";
import { buttonPress, type OptionInput, slashCommand } from "../fixtures/interactions.ts";
import { formatBytes, type MessageLike, Narrator } from "./narrate.ts";
import { buttonId, finalAnswer } from "./demo_answers.ts";
import { BILLING_QUESTIONS, openAboutMessage, openByForm } from "./open_story.ts";
import { closeLogging, setupLogging } from "../../src/log.ts";
import { isLocale, type Locale, LOCALES } from "../../src/i18n/locale.ts";
import { t } from "../../src/i18n/translator.ts";
import { freePort } from "../fixtures/free_port.ts";
import {
  DEMO_RELAY_SECRET,
  playAssistantConversation,
  startDemoAssistant,
} from "./assistant_story.ts";

/** Where the story is written, one line at a time. */
export type Write = (line: string) => void;

const ANSWER_TIMEOUT_MS = 5_000;

/** How the demo runs: with the assistant, and with the web pages served until `stopped`. */
export interface DemoOptions {
  assistant?: boolean;
  /** `--lang=de`: the server and its members use Discord in this language. */
  lang?: Locale;
  /** `--web`: `PUBLIC_URL` on; the story ends with a link, served until `stopped` settles. */
  web?: { stopped: Promise<void> };
}

/** The demo's web pages: a fixed client secret shared with the fake, and a session key. */
const DEMO_CLIENT_SECRET = "demo-client-secret";
const DEMO_SESSION_SECRET = "demo-session-secret-of-at-least-32-bytes";

/** Plays the story and writes it; throws when the bot does not behave as shown. */
export async function runDemo(write: Write, options: DemoOptions = {}): Promise<void> {
  const started = performance.now();
  const fake = await startFakeDiscord({ botName: "ticketeer", clientSecret: DEMO_CLIENT_SECRET });
  const assistant = options.assistant === true ? await startDemoAssistant() : null;
  try {
    await play(fake, write, assistant?.origin ?? null, options.lang ?? "en", options.web ?? null);
    fake.assertNoViolations();
  } finally {
    await assistant?.close();
    await fake.close();
  }
  write("");
  write(
    `The end: ${fake.calls.length} requests to Discord, no rule broken, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/** Plays the story; with `assistant` (an origin), the bot relays to that assistant service. */
async function play(
  fake: FakeDiscord,
  write: Write,
  assistant: string | null,
  lang: Locale,
  web: NonNullable<DemoOptions["web"]> | null,
): Promise<void> {
  // Everyone in the story uses Discord in `lang`, and so does the server.
  const discordLocale = lang === "en" ? "en-US" : lang;
  const inLang = (payload: Record<string, unknown>) =>
    lang === "en" ? payload : { ...payload, locale: discordLocale, guild_locale: discordLocale };
  const say = new Narrator(fake.state);
  const step = (() => {
    let n = 0;
    return (title: string) => {
      write("");
      write(`${++n}. ${title}`);
    };
  })();

  // The world: a server with an admin, two members and the bot (not Administrator).
  const guild = fake.createGuild({ name: "Acme" });
  const admins = fake.createRole(guild, { name: "Admins", permissions: Permission.Administrator });
  const dana = fake.createMember(guild, { username: "dana", roles: [admins] });
  const alice = fake.createMember(guild, { username: "alice" });
  const bob = fake.createMember(guild, { username: "bob" });
  const general = fake.createChannel(guild, { name: "general" });
  const help = fake.createChannel(guild, { name: "help" });

  write("ticketeer demo: two support tickets, from the first click to the transcript");
  write(
    `(a local fake Discord, the real bot, an in-memory SQLite database${
      assistant === null ? "" : ", ticketeer assistant answering from tests/demo/assistant_docs"
    })`,
  );
  write("");
  write(`Server "${guild.name}"`);
  write(`  members: dana (Admins: Administrator), alice, bob`);
  write(
    `  the bot's role: @ticketeer (Manage Channels, Manage Roles, Send Messages …, ` +
      `not Administrator)`,
  );
  write(`  channels: ${say.channelName(general.id)}, ${say.channelName(help.id)}`);

  const relay = assistant === null
    ? {}
    : { relay: { url: `${assistant}/relay`, secret: DEMO_RELAY_SECRET, timeoutMs: 5_000 } };
  const port = web === null ? 0 : freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const pages = web === null ? {} : {
    http: true,
    httpPort: port,
    web: { publicUrl, clientSecret: DEMO_CLIENT_SECRET, sessionSecret: DEMO_SESSION_SECRET },
  };
  const app = await startTicketeer(configFor(fake, { ...relay, ...pages }), {
    gatewayOptions: { spawnShardDelayMs: 0 },
    reconcileIntervalMs: null,
  });
  try {
    await app.ready;
    write(`  ticketeer is online (gateway connected, ${fake.state.commands.size} commands)`);

    const command = async (
      who: { id: string; username: string },
      where: FakeChannel,
      name: string,
      options: { group?: string; subcommand?: string; options?: Record<string, OptionInput> } = {},
    ) => {
      const shown = [
        `/${name}`,
        options.group,
        options.subcommand,
        ...Object.entries(options.options ?? {}).map(([k, v]) =>
          `${k}:${typeof v === "string" ? JSON.stringify(say.text(v)) : String(v)}`
        ),
      ].filter((part) => part !== undefined).join(" ");
      step(`${who.username} runs ${shown} in ${say.channelName(where.id)}`);
      const answer = await finalAnswer(fake.interact(inLang(slashCommand(fake, {
        guild,
        channel: where,
        user: who,
        name,
        ...options,
      }))));
      answerLines(who.username, answer);
      return answer;
    };
    const click = async (
      who: { id: string; username: string },
      where: FakeChannel,
      message: FakeMessage,
      label: string,
    ) => {
      step(`${who.username} clicks [ ${label} ] in ${say.channelName(where.id)}`);
      const answer = await finalAnswer(fake.interact(inLang(buttonPress(fake, {
        guild,
        channel: where,
        user: who,
        customId: buttonId(message, label),
        messageId: message.id,
      }))));
      answerLines(who.username, answer);
      return answer;
    };
    const answerLines = (
      who: string,
      answer: { body: MessageLike; ephemeral: boolean; elapsedMs: number },
    ) => {
      const audience = answer.ephemeral ? `only visible to ${who}` : "visible to everyone";
      write(
        `   ticketeer answers (${audience}; first answer after ${
          Math.round(answer.elapsedMs)
        } ms):`,
      );
      for (const line of say.body(answer.body, "     ")) write(line);
    };
    const newChannels = (before: Set<string>) =>
      fake.state.channelsOf(guild.id).filter((c) => !before.has(c.id));
    const channelIds = () => new Set(fake.state.channelsOf(guild.id).map((c) => c.id));
    const audience = (channel: FakeChannel) => {
      const people = [dana, alice, bob, fake.botUser];
      const sees = (id: string) =>
        (channelPermissions(fake.state, channel.id, id) & Permission.ViewChannel) !== 0n;
      const roles = channel.permission_overwrites.filter((o) =>
        o.type === 0 && o.id !== guild.id && (BigInt(o.allow) & Permission.ViewChannel) !== 0n
      ).map((o) => say.roleName(o.id));
      const hidden = people.filter((u) => !sees(u.id)).map((u) => u.username);
      return `seen by ${
        [...people.filter((u) => sees(u.id)).map((u) => u.username), ...roles].join(", ")
      }${hidden.length > 0 ? `; hidden from ${hidden.join(", ")}` : ""}`;
    };
    const post = (channel: FakeChannel, who: { id: string; username: string }, text: string) => {
      step(`${who.username} writes in ${say.channelName(channel.id)}`);
      fake.postMessage(channel, who, text);
      write(`   ${who.username}: ${text}`);
    };

    // 1. Setup.
    const before = channelIds();
    await command(dana, general, "setup");
    for (const channel of newChannels(before)) {
      write(`   new: ${say.channelName(channel.id)}, ${audience(channel)}`);
    }
    const logs = fake.state.channelsOf(guild.id).find((c) => c.name === "ticket-logs");
    if (logs === undefined) throw new Error("Setup made no ticket-logs channel");
    if (lang !== "en") {
      await command(dana, general, "config", {
        group: "set",
        subcommand: "language",
        options: { language: lang === "es-ES" ? "es" : lang },
      });
    }

    // 2. A second type, Billing, that asks one question, and a panel of both types.
    const support = fake.state.rolesOf(guild.id).find((r) => r.name === "Support");
    if (support === undefined) throw new Error("Setup made no Support role");
    await command(dana, general, "type", {
      subcommand: "create",
      options: { name: "Billing", emoji: "💳" },
    });
    const settings: Array<[string, string]> = [
      ["questions", BILLING_QUESTIONS],
      ["staff_roles", `<@&${support.id}>`],
    ];
    for (const [setting, value] of settings) {
      await command(dana, general, "type", {
        subcommand: "set",
        options: { setting, type: "Billing", value },
      });
    }
    await command(dana, help, "panel", {
      subcommand: "create",
      options: { types: "Support, Billing" },
    });
    const panel = fake.state.messagesIn(help.id).find((m) =>
      m.author_id === fake.botUser.id && m.components.length > 0
    );
    if (panel === undefined) throw new Error("The panel was not posted");
    write(`   ticketeer posts in ${say.channelName(help.id)}, for everyone:`);
    for (const line of say.body(panel, "     ")) write(line);

    // 3. Alice opens a Billing ticket by answering its form; bob opens one about his message.
    const scene = { fake, guild, say, write, step, inLang, answerLines, audience };
    const { ticket, welcome } = await openByForm(scene, {
      who: alice,
      where: help,
      panel,
      label: "💳 Billing",
      choice: "Pro",
    });
    await openAboutMessage(scene, {
      who: bob,
      where: help,
      text: "Is the Pro plan billed monthly or yearly?",
    });

    // 4. A conversation (with the assistant first, when it runs).
    if (assistant === null) {
      post(ticket, alice, "Hi! My order #1042 arrived with a cracked screen.");
    } else await playAssistantConversation({ fake, app, say, ticket, alice, post, write });
    const told = fake.state.messagesIn(ticket.id).length;
    await click(dana, ticket, welcome, t(lang, "welcome.claim"));
    for (const message of fake.state.messagesIn(ticket.id).slice(told)) {
      // Answers to interactions were shown with the interaction.
      if (message.author_id !== fake.botUser.id || message.interaction_id !== null) continue;
      write(`   ticketeer posts in ${say.channelName(ticket.id)}:`);
      for (const line of say.body(message, "     ")) write(line);
    }
    post(
      ticket,
      dana,
      assistant === null
        ? "Sorry about that, Alice. A replacement ships today."
        : "Hi Alice, I sent you a fresh reset link; it works for 15 minutes.",
    );
    post(ticket, alice, "Great, thank you!");

    // 5. Closing, with confirmation.
    const question = await command(dana, ticket, "ticket", {
      subcommand: "close",
      options: { reason: "Replacement sent" },
    });
    const questionMessage = [...fake.state.ephemeralMessages.values()].find((m) =>
      m.channel_id === ticket.id && m.components.length > 0 &&
      m.content === (question.body as { content?: unknown }).content
    );
    if (questionMessage === undefined) throw new Error("No close confirmation was shown");
    await click(dana, ticket, questionMessage, t(lang, "close.confirm"));

    // 6. What is left: the summary in ticket-logs, the channel gone.
    const summary = await fake.waitFor(
      () =>
        fake.state.messagesIn(logs.id).find((m) =>
          m.author_id === fake.botUser.id &&
          (web === null
            ? m.attachments.length > 0
            : JSON.stringify(m.components).includes("/web/t/"))
        ),
      ANSWER_TIMEOUT_MS,
      "the close summary in ticket-logs",
    );
    step(`In ${say.channelName(logs.id)} (staff only), ticketeer posted:`);
    for (const line of say.body(summary, "     ")) write(line);
    const dm = fake.state.dmChannels.get(alice.id);
    const dmMessages = dm === undefined ? [] : fake.state.messagesIn(dm);
    const html = summary.attachments.find((a) => a.filename.endsWith(".html"));
    const count = JSON.stringify(summary.embeds).match(/"Messages","value":"(\d+)"/)?.[1];
    write(
      web === null
        ? `   the transcript: ${html?.filename ?? "none"}, ${formatBytes(html?.size ?? 0)}, ` +
          `${count ?? "?"} messages`
        : `   the transcript: a link to its page, ${count ?? "?"} messages`,
    );
    for (const message of dmMessages) {
      write(`   alice gets a direct message from ticketeer:`);
      // The summary embed repeats the log channel's; the text, buttons and files are shown.
      for (const line of say.body({ ...message, embeds: [] }, "     ")) write(line);
    }
    const gone = !fake.state.channels.has(ticket.id);
    write(
      `   #${ticket.name} ${gone ? "is gone" : "still exists"}; channels now: ${
        fake.state.channelsOf(guild.id).sort((a, b) => a.position - b.position)
          .map((c) => say.channelName(c.id)).join(", ")
      }`,
    );
    if (!gone) throw new Error("The ticket channel was not deleted");
    if (web !== null) {
      write("");
      write(`The transcript page (sign in as dana on the fake Discord's authorize page):`);
      write(`   ${publicUrl}/web/t/${guild.id}/1`);
      write("Serving it until Ctrl+C.");
      await web.stopped;
    }
  } finally {
    await app.stop();
  }
}

/** The language `--lang=de` asks for (English without it); an unknown one stops the demo. */
function demoLanguage(args: readonly string[]): Locale {
  const value = args.find((a) => a.startsWith("--lang="))?.slice("--lang=".length) ?? "en";
  const lang = value === "es" ? "es-ES" : value;
  if (!isLocale(lang)) {
    throw new RangeError(`Cannot play the demo in "${value}": choose one of ${LOCALES.join(", ")}`);
  }
  return lang;
}

if (import.meta.main) {
  // Only the bot's errors reach the terminal, so the story stays readable.
  await setupLogging({ level: "error", format: "text", file: null, secrets: [] });
  const encoder = new TextEncoder();
  try {
    const stopped = Promise.withResolvers<void>();
    const stop = () => stopped.resolve();
    const web = Deno.args.includes("--web");
    if (web) {
      for (const signal of ["SIGINT", "SIGTERM"] as const) Deno.addSignalListener(signal, stop);
    }
    try {
      await runDemo((line) => Deno.stdout.writeSync(encoder.encode(`${line}\n`)), {
        assistant: Deno.args.includes("--assistant"),
        lang: demoLanguage(Deno.args),
        ...(web ? { web: { stopped: stopped.promise } } : {}),
      });
    } finally {
      if (web) {
        for (const signal of ["SIGINT", "SIGTERM"] as const) {
          Deno.removeSignalListener(signal, stop);
        }
      }
    }
  } finally {
    await closeLogging();
  }
}
