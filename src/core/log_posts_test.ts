import assert from "node:assert/strict";
import { logPoster } from "./log_posts.ts";
import type { ChannelId, MessageId } from "./ids.ts";
import type { MessageBody } from "./message_body.ts";

/** A sendMessage that holds every send until `release()`. */
function heldDiscord() {
  const sent: Array<{ channelId: string; content: string }> = [];
  let gate = Promise.withResolvers<void>();
  return {
    sent,
    release() {
      gate.resolve();
      gate = Promise.withResolvers<void>();
    },
    discord: {
      async sendMessage(channelId: ChannelId, body: MessageBody): Promise<MessageId> {
        await gate.promise;
        sent.push({ channelId, content: body.content ?? "" });
        return String(sent.length) as MessageId;
      },
    },
  };
}

const LOGS = "100" as ChannelId;
const OTHER = "200" as ChannelId;

Deno.test("logPoster() merges the lines that wait behind a post into one message, in order", async () => {
  const held = heldDiscord();
  const poster = logPoster(held.discord);
  const posts = Array.from({ length: 5 }, (_, i) => poster.post(LOGS, `line ${i}`));
  held.release();
  await posts[0];
  held.release();
  await Promise.all(posts);
  assert.deepEqual(held.sent, [
    { channelId: LOGS, content: "line 0" },
    { channelId: LOGS, content: "line 1\nline 2\nline 3\nline 4" },
  ]);
});

Deno.test("logPoster() bounds a message by lines and by 2,000 characters, losing nothing", async () => {
  const sent: string[] = [];
  let release = Promise.withResolvers<void>();
  const poster = logPoster({
    async sendMessage(_channelId, body) {
      if (sent.length === 0) await release.promise;
      sent.push(body.content ?? "");
      return String(sent.length) as MessageId;
    },
  }, { maxLines: 3 });
  const lines = [
    "first",
    ...Array.from({ length: 4 }, (_, i) => `short ${i}`),
    "x".repeat(1500),
    "y".repeat(1500),
  ];
  const posts = lines.map((line) => poster.post(LOGS, line));
  release.resolve();
  await Promise.all(posts);
  // "first" alone; then 3 lines (the line bound); then what fits 2,000 characters.
  assert.deepEqual(sent.map((m) => m.split("\n").length), [1, 3, 2, 1]);
  assert.deepEqual(sent.flatMap((m) => m.split("\n")), lines, "every line, in order");
  assert.ok(sent.every((m) => m.length <= 2000));
  release = Promise.withResolvers();
});

Deno.test("logPoster() keeps channels apart and reports a failed send to the lines it held", async () => {
  const sent: string[] = [];
  const poster = logPoster({
    sendMessage(channelId, body) {
      if (body.content === "fails") return Promise.reject(new Error("Discord is down"));
      sent.push(`${channelId}: ${body.content}`);
      return Promise.resolve("1" as MessageId);
    },
  });
  const [failed, other] = await Promise.allSettled([
    poster.post(LOGS, "fails"),
    poster.post(OTHER, "b"),
  ]);
  assert.equal(failed?.status, "rejected");
  assert.equal(other?.status, "fulfilled");
  await poster.post(LOGS, "c");
  assert.deepEqual(sent, [`${OTHER}: b`, `${LOGS}: c`]);
});
