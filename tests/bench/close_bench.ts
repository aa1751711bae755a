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
 * SQLite in memory and a recording Discord port: the figures are the bot's own
 * work, without network time. The child runs with the shipped bot's runtime flags.
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
    const url = `https://cdn.discordapp.com/attachments/1/${i}/screen.png`;
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

/** Runs one scenario in this process. */
export async function runCloseScenario(
  scenario: CloseScenario,
  messages: number,
): Promise<CloseResult> {
  const discord = new UploadingDiscord();
  const w = await world(discord);
  try {
    discord.historyChannel = w.channel;
    const authors = Array.from({ length: AUTHORS }, (_, i) => author(w, i));
    const spanMin = 600;
    const all = Array.from(
      { length: messages },
      (_, i) => realistic(w, authors, i, messages, spanMin),
    );
    discord.history = [...all];
    w.now.value = OPENED_AT + (spanMin + 1) * 60_000;
    if (scenario === "gap") {
      // A tenth of the messages missed: the session was lost at 40% and a new one began at 50%.
      const lost = spanMin * 0.4;
      const back = spanMin * 0.5;
      await archive(w, all.filter((_, i) => i < messages * 0.4 || i >= messages * 0.5));
      await connectedFrom(w, "before", -5, lost, false);
      await connectedFrom(w, "after", back, spanMin + 0.9, true);
    } else {
      await archive(w, all);
      await connectedFrom(w, "all", -5, spanMin + 0.9, true);
    }
    all.length = 0;
    // Only the gap is still to be read from Discord; the fixture's own copies go.
    if (scenario !== "gap") discord.history = [];
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
  }
}

/** Runs `scenario` in a child process (`deno run` this file) and reads its result. */
export async function measureClose(
  scenario: CloseScenario,
  messages: number,
): Promise<CloseResult> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      // The shipped bot's flags (one young generation, no optimizing compilers, no
      // code cache), and a collection the scenario forces before it measures.
      `${V8_FLAGS},--expose-gc`,
      NO_CODE_CACHE,
      new URL(import.meta.url).pathname,
      scenario,
      String(messages),
    ],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const text = new TextDecoder().decode(output.stdout).trim().split("\n").at(-1) ?? "";
  if (!output.success) {
    throw new Error(
      `The ${scenario} close bench failed: ${new TextDecoder().decode(output.stderr)}`,
    );
  }
  return JSON.parse(text) as CloseResult;
}

if (import.meta.main) {
  const [scenario, count] = Deno.args;
  if (scenario !== "archived" && scenario !== "gap" && scenario !== "transcript") {
    throw new SyntaxError(`Unknown close scenario "${scenario}": archived, gap or transcript`);
  }
  const result = await runCloseScenario(scenario, Number(count ?? "10000"));
  Deno.stdout.writeSync(new TextEncoder().encode(`${JSON.stringify(result)}\n`));
}
