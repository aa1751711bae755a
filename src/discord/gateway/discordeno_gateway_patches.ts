/**
 * The changes we make to discordeno 21.0.0's gateway. Each patch names the
 * behaviour of 21.0.0 it corrects, and `discordeno_gateway_patches_test.ts` shows
 * that behaviour on an unpatched object: when an upgrade fixes it, that test fails
 * and says which patch to drop (the REST manager's are in
 * `../rest/discordeno_patches.ts`).
 *
 * Every shard connects with a socket of our choosing (`connectShardsWith`), and a
 * stopped gateway stays stopped and leaves nothing running (`stopReconnecting`,
 * `stopShards`).
 */
import { type DiscordenoShard, ShardState } from "@discordeno/gateway";

/** The part of the browser's `WebSocket` a shard uses. */
export interface ShardSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
}

/** The part of discordeno's gateway manager `connectShardsWith` touches. */
export interface ShardMaker {
  shards: Map<number, DiscordenoShard>;
}

/**
 * 21.0.0's `shard.connect()` always opens the runtime's built-in `WebSocket`
 * (`new WebSocket(url)`), with no option to open another. Every shard the manager
 * makes from now on connects with `open(url)` instead, in the same steps as 21.0.0's
 * `connect()` without transport compression (which we never ask for).
 */
export function connectShardsWith(gateway: ShardMaker, open: (url: URL) => ShardSocket): void {
  const shards = gateway.shards;
  const set = shards.set.bind(shards);
  shards.set = (id, shard) => {
    shard.connect = () => connectShard(shard, open);
    return set(id, shard);
  };
}

async function connectShard(
  shard: DiscordenoShard,
  open: (url: URL) => ShardSocket,
): Promise<DiscordenoShard> {
  // Identifying and resuming connect on the way: they keep their state.
  const reconnecting = () =>
    shard.state === ShardState.Identifying || shard.state === ShardState.Resuming;
  if (!reconnecting()) shard.state = ShardState.Connecting;
  shard.events.connecting?.(shard);
  const url = new URL(shard.connectionUrl);
  url.searchParams.set("v", String(shard.gatewayConfig.version));
  url.searchParams.set("encoding", "json");
  const socket = open(url);
  shard.socket = socket as unknown as WebSocket;
  socket.onerror = (event) => shard.handleError(event);
  socket.onclose = (close) => shard.handleClose(close as CloseEvent);
  socket.onmessage = (message) => shard.handleMessage(message as MessageEvent);
  return await new Promise((resolve) => {
    socket.onopen = () => {
      if (!reconnecting()) shard.state = ShardState.Unidentified;
      shard.events.connected?.(shard);
      resolve(shard);
    };
  });
}

/** The parts of discordeno's gateway manager `stopReconnecting` touches. */
export interface ReconnectingGateway {
  identify: (shardId: number) => Promise<void>;
  shards: Map<number, { identify: () => Promise<void>; resume: () => Promise<void> }>;
}

/**
 * 21.0.0's `gateway.shutdown()` closes only shards whose socket is open, and a
 * shard that sees a resumable close afterwards (or is reconnecting already)
 * still resumes or identifies: a stopped bot would connect again. Once stopping,
 * identify and resume do nothing.
 */
export function stopReconnecting(gateway: ReconnectingGateway): void {
  gateway.identify = () => Promise.resolve();
  for (const shard of gateway.shards.values()) {
    shard.identify = () => Promise.resolve();
    shard.resume = () => Promise.resolve();
  }
}

/** The part of discordeno's gateway manager `stopShards` touches. */
export interface ShardsOwner {
  shards: Map<number, DiscordenoShard>;
}

/**
 * 21.0.0's `gateway.shutdown()` only closes the shards whose socket is open and
 * never calls a shard's own `shutdown()`, so it leaves behind: heartbeat timers it
 * did not stop itself (only a close event stops them); closed shards `Disconnected`
 * rather than `Offline`; each shard's send bucket's refill timer, armed for 60 s at
 * every send, which keeps a stopped process alive; and sends waiting in the bucket
 * or in `offlineSendQueue` for a shard that will not connect again, which never
 * settle. Call it after `gateway.shutdown()`: it stops all of them, and makes
 * every send from then on (and every waiting one) settle without being sent.
 */
export function stopShards(gateway: ShardsOwner): void {
  for (const shard of gateway.shards.values()) {
    shard.stopHeartbeating();
    shard.state = ShardState.Offline;
    // Set before the waiting sends are released: they go on through these two, and
    // the real ones would queue them again and arm the bucket's timer anew.
    shard.checkOffline = () => Promise.resolve();
    shard.bucket.acquire = () => Promise.resolve();
    shard.send = () => Promise.resolve();
    clearTimeout(shard.bucket.timeoutId);
    for (const release of shard.bucket.queue.splice(0)) release();
    for (const release of shard.offlineSendQueue.splice(0)) release();
  }
}
