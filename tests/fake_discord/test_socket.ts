/**
 * A bare gateway client for the fake's own tests: plain WebSocket, packets collected
 * and awaited with a bounded timeout.
 */
import assert from "node:assert/strict";
import type { FakeDiscord } from "./fake_discord.ts";

/** A gateway packet as received. */
export interface Packet {
  op: number;
  // deno-lint-ignore no-explicit-any
  d: any;
  s: number | null;
  t: string | null;
}

export class TestSocket {
  readonly packets: Packet[] = [];
  readonly socket: WebSocket;
  #waiters: (() => void)[] = [];
  closeCode: number | null = null;
  readonly closed: Promise<void>;
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.socket = new WebSocket(`${url}?v=10&encoding=json`);
    this.opened = new Promise((resolve) =>
      this.socket.addEventListener("open", () => resolve(), { once: true })
    );
    this.closed = new Promise((resolve) =>
      this.socket.addEventListener("close", (event) => {
        this.closeCode = event.code;
        this.#wake();
        resolve();
      }, { once: true })
    );
    this.socket.onmessage = (event) => {
      this.packets.push(JSON.parse(String(event.data)));
      this.#wake();
    };
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  send(packet: unknown): void {
    this.socket.send(JSON.stringify(packet));
  }

  /** The first packet (from `from` on) that matches, waiting up to 2 s. */
  async next(match: (p: Packet) => boolean, from = 0): Promise<Packet> {
    const deadline = Date.now() + 2000;
    while (true) {
      const found = this.packets.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.closeCode !== null) {
        throw new Error(`Socket closed (${this.closeCode}) before the packet came`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("Timed out waiting for a gateway packet");
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    await this.closed;
  }
}

/** Connects to the URL from `GET /gateway/bot`, awaits HELLO and sends IDENTIFY. */
export async function identify(
  fake: FakeDiscord,
  shard: [number, number] = [0, 1],
  intents = 513,
): Promise<TestSocket> {
  const gateway = await (await fetch(`${fake.apiUrl}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${fake.token}` },
  })).json();
  const client = new TestSocket(gateway.url);
  await client.opened;
  const hello = await client.next((p) => p.op === 10);
  assert.equal(typeof hello.d.heartbeat_interval, "number");
  client.send({ op: 2, d: { token: `Bot ${fake.token}`, intents, properties: {}, shard } });
  return client;
}
