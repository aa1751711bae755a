/**
 * Closing benchmarks, each run in a child process of its own so its peak
 * resident memory (`VmHWM` from `/proc/self/status`) is the close's alone:
 *
 * - a 10,000-message ticket the live archive holds in full (the bot was
 *   connected throughout): wall time of the close, history requests, peak RSS;
 * - the same with a 1,000-message gap (the bot re-identified mid-ticket);
 * - the transcript size of 5,000 realistic messages (four authors with avatars,
 *   an image every 20 messages, a link embed every 10).
 *
 * A recording Discord port: the figures are the bot's own work, without network
 * time. The child runs with the shipped bot's runtime flags. The two closes run on
 * SQLite in memory, the fixture written by the closing process just before, and
 * again on a SQLite file that another process filled first (as a bot that was
 * running while the ticket lasted), which the closing process opens.
 */
import type { UserRef } from "../../src/core/interaction.ts";
import type { ChannelId, MessageId } from "../../src/core/ids.ts";
import type { MessageBody } from "../../src/core/message_body.ts";
import {
  archive,
  closeAs,
  connectedFrom,
  HistoryDiscord,
  messageAt,
  OPENED_AT,
  PNG,
  type World,
  world,
} from "../fixtures/close_world.ts";
import { NO_CODE_CACHE, V8_FLAGS } from "../../src/app/runtime_flags.ts";
import type { FetchedMessage } from "../../src/core/discord_port.ts";
import type { TicketId } from "../../src/core/model.ts";
import { openTestStores } from "../fixtures/test_stores.ts";
import { RecordingDiscord } from "../fixtures/recording_discord.ts";
import { measuredInChild, reportToParent, runChild } from "./shipped_child.ts";

/**
 * A recording port that sends uploads the way a REST request does: the files'
 * bytes are copied into a request body once, then let go; only their names and
 * sizes are recorded. A port that kept every upload would add its own copies of
 * each transcript (twice: recorded and stored) to the close's peak.
 */
class UploadingDiscord extends HistoryDiscord {
  uploaded: Array<{ name: string; bytes: number }> = [];
  override sendMessage(channelId: ChannelId, body: MessageBody): Promise<MessageId> {
    if (body.files === undefined) return super.sendMessage(channelId, body);
    const request = new Blob(body.files.map((f) => f.data as Uint8Array<ArrayBuffer>));
    for (const f of body.files) this.uploaded.push({ name: f.name, bytes: f.data.byteLength });
    const files = body.files.map((f) => ({ ...f, data: new Uint8Array(0) }));
    return super.sendMessage(channelId, { ...body, files }).finally(() => request.size);
  }
}

/** What one scenario measured. */
export interface CloseResult {
  scenario: CloseScenario;
  /** Whether the stores were a SQLite file another process filled (else memory, filled here). */
  file: boolean;
  messages: number;
  wallMs: number;
  historyRequests: number;
  /** Peak resident memory while closing (`VmHWM`, reset just before). */
  peakRssBytes: number;
  /** Resident memory just before the close (the fixture included). */
  rssBeforeBytes: number;
  htmlBytes: number;
  textBytes: number;
}

/** The scenarios. */
export type CloseScenario = "archived" | "gap" | "transcript";

/** Targets (measured, not asserted). */
export const CLOSE_TARGETS = {
  archivedMs: 1000,
  gapMs: 2000,
  peakRssMb: 150,
  transcriptMb: 3,
};

const AUTHORS = 4;

async function residentBytes(field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await Deno.readTextFile("/proc/self/status");
  return Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status)?.[1] ?? "0") * 1024;
}

function author(w: World, i: number): UserRef {
  return w.discord.addMember({
    id: `3000000000000001${String(i).padStart(2, "0")}` as UserRef["id"],
    username: `member${i}`,
    globalName: `Member ${i}`,
    avatar: `${String(i).repeat(32)}`.slice(0, 32).replace(/[^0-9a-f]/g, "a"),
  });
}

/** The image attached to every 20th message. */
function attachmentUrl(i: number): string {
  return `https://cdn.discordapp.com/attachments/1/${i}/screen.png`;
}

/** A realistic message `i` of `total`, spread over the ticket's first `spanMin` minutes. */
function realistic(w: World, authors: UserRef[], i: number, total: number, spanMin: number) {
  const message = messageAt(w, (i / total) * spanMin, `message ${i}: ` + "some words ".repeat(8));
  const who = authors[i % authors.length]!;
  message.raw.author = {
    id: who.id,
    username: who.username,
    global_name: who.globalName,
    avatar: who.avatar,
  };
  if (i % 20 === 0) {
    const url = attachmentUrl(i);
    message.raw.attachments = [{
      id: String(900000 + i),
      filename: "screen.png",
      size: PNG.length,
      url,
      content_type: "image/png",
    }];
    w.discord.downloads.set(url, PNG);
  }
  if (i % 10 === 0) {
    message.raw.embeds = [{
      type: "link",
      title: `Order ${i}`,
      description: "Shipped",
      url: `https://shop.example/o/${i}`,
    }];
  }
  return message;
}

const SPAN_MIN = 600;

/** The child's runtime flags: the shipped bot's, and a collection the scenario forces before it measures. */
const CHILD_FLAGS = [`${V8_FLAGS},--expose-gc`, NO_CODE_CACHE];

/** Where the ticket's messages are written from. */
interface Writer {
  w: World;
  authors: UserRef[];
}

/**
 * Writes the ticket's archive and gateway sessions as the live archive kept them,
 * a tenth left out in the gap scenario (the session was lost at 40% and a new one
 * began at 50%); gives the messages when `keep` is set.
 */
async function writeArchive(
  { w, authors }: Writer,
  scenario: CloseScenario,
  options: { messages: number; keep: boolean },
): Promise<FetchedMessage[]> {
  const { messages } = options;
  const all = Array.from(
    { length: messages },
    (_, i) => realistic(w, authors, i, messages, SPAN_MIN),
  );
  if (scenario === "gap") {
    await archive(w, all.filter((_, i) => i < messages * 0.4 || i >= messages * 0.5));
    await connectedFrom(w, "before", -5, SPAN_MIN * 0.4, false);
    await connectedFrom(w, "after", SPAN_MIN * 0.5, SPAN_MIN + 0.9, true);
  } else {
    await archive(w, all);
    await connectedFrom(w, "all", -5, SPAN_MIN + 0.9, true);
  }
  return options.keep ? all : [];
}

/**
 * The other process of a file scenario: opens the closing process's SQLite file
 * and writes the ticket's messages into it, as a bot that was running all along
 * would have.
 */
async function writeInto(path: string, scenario: CloseScenario, messages: number): Promise<void> {
  const test = await openTestStores({ path });
  try {
    const ticket = await test.tickets.get(1 as TicketId);
    if (ticket === null || ticket.channelId === null) {
      throw new Error(`Cannot write the close fixture: ${path} holds no ticket 1 with a channel`);
    }
    const discord = new RecordingDiscord();
    // Only what the message builders and the archive helpers read of a world.
    const w = {
      test,
      discord,
      ctx: test,
      ticket,
      channel: ticket.channelId,
      opener: { id: ticket.openerId },
    } as unknown as World;
    const authors = Array.from({ length: AUTHORS }, (_, i) => author(w, i));
    await writeArchive({ w, authors }, scenario, { messages, keep: false });
  } finally {
    await test.close();
  }
}

/**
 * Runs one scenario in this process. With `file`, the stores are a SQLite file
 * (in a temporary directory) whose messages another process writes first, as a
 * real bot runs on a file it archived into while it ran; else SQLite in memory,
 * written by this process just before the close.
 */
export async function runCloseScenario(
  scenario: CloseScenario,
  messages: number,
  options: { file?: boolean } = {},
): Promise<CloseResult> {
  const discord = new UploadingDiscord();
  const dir = options.file === true ? await Deno.makeTempDir({ prefix: "close-bench-" }) : null;
  const path = dir === null ? undefined : `${dir}/ticketeer.db`;
  const w = await world(discord, path === undefined ? {} : { path });
  try {
    discord.historyChannel = w.channel;
    const authors = Array.from({ length: AUTHORS }, (_, i) => author(w, i));
    w.now.value = OPENED_AT + (SPAN_MIN + 1) * 60_000;
    let all: FetchedMessage[];
    if (path === undefined) {
      all = await writeArchive({ w, authors }, scenario, { messages, keep: scenario === "gap" });
    } else {
      await runChild(import.meta.url, ["write", scenario, String(messages), path], {
        what: "close fixture writer",
        flags: CHILD_FLAGS,
      });
      // What Discord holds: the attachments, and the history to read the gap from.
      for (let i = 0; i < messages; i += 20) discord.downloads.set(attachmentUrl(i), PNG);
      all = scenario !== "gap" ? [] : Array.from(
        { length: messages },
        (_, i) => realistic(w, authors, i, messages, SPAN_MIN),
      );
    }
    // Only the gap is still to be read from Discord; the fixture's own copies go.
    discord.history = all;
    all = [];
    // The peak is the close's: "5" resets VmHWM to the current resident size.
    (globalThis as { gc?: () => void }).gc?.();
    const before = await residentBytes("VmRSS");
    await Deno.writeTextFile("/proc/self/clear_refs", "5");
    const started = performance.now();
    const outcome = await closeAs(w, "Resolved", { uploadLimitBytes: 25 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (outcome.kind !== "closed") throw new Error(`The close failed: ${outcome.reason}`);
    // Read before the transcript is read back below: the peak is the close's own.
    const peak = await residentBytes("VmHWM");
    const transcript = await w.ctx.transcripts.get(w.ticket.id);
    return {
      scenario,
      file: path !== undefined,
      messages: transcript?.messageCount ?? 0,
      wallMs,
      historyRequests: discord.callsOf("messagesAfter").length,
      peakRssBytes: peak,
      rssBeforeBytes: before,
      htmlBytes: new TextEncoder().encode(transcript?.html ?? "").byteLength,
      textBytes: new TextEncoder().encode(transcript?.text ?? "").byteLength,
    };
  } finally {
    await w.test.close();
    if (dir !== null) await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Runs `scenario` in a child process (`deno run` this file) and reads its result;
 * with `file`, on a SQLite file a third process fills first.
 */
export function measureClose(
  scenario: CloseScenario,
  messages: number,
  options: { file?: boolean } = {},
): Promise<CloseResult> {
  const args = [scenario, String(messages), ...(options.file === true ? ["file"] : [])];
  return measuredInChild<CloseResult>(import.meta.url, args, {
    what: `${scenario} close bench`,
    flags: CHILD_FLAGS,
  });
}

function scenarioOf(name: string | undefined): CloseScenario {
  if (name !== "archived" && name !== "gap" && name !== "transcript") {
    throw new SyntaxError(`Unknown close scenario "${name}": archived, gap or transcript`);
  }
  return name;
}

if (import.meta.main) {
  if (Deno.args[0] === "write") {
    const [, scenario, count, path] = Deno.args;
    if (path === undefined) throw new SyntaxError("Usage: write <scenario> <messages> <path>");
    await writeInto(path, scenarioOf(scenario), Number(count));
  } else {
    const [scenario, count, where] = Deno.args;
    const result = await runCloseScenario(scenarioOf(scenario), Number(count ?? "10000"), {
      file: where === "file",
    });
    reportToParent(result);
  }
}
