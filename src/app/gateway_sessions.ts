/**
 * Records this process's gateway sessions in the database, per shard, as the
 * live archive's coverage: a session begins at READY, is renewed every 10 s
 * while connected, stops covering at a disconnect and covers again once
 * RESUMED (Discord replays what it missed). A close reads Discord's history
 * only for the time no session covered.
 */
import type { Logger } from "@logtape/logtape";
import type { ArchiveStore, Clock } from "../core/ports.ts";
import type { ShardSessionEvent } from "../discord/gateway/gateway.ts";

/** How often live sessions are marked as seen (a close trusts one seen within 25 s). */
export const SESSION_RENEW_MS = 10_000;

/** This process's sessions. */
export interface GatewaySessionLog {
  /** Records what happened to a shard's session (writes run one at a time, in order). */
  record(event: ShardSessionEvent): Promise<void>;
  /** Marks every live session as seen now. */
  renew(): Promise<void>;
  /** Marks every session as no longer live (the process stops). */
  end(): Promise<void>;
}

/** A session log writing through `archive`. */
export function createGatewaySessionLog(
  archive: Pick<ArchiveStore, "sessionStarted" | "sessionSeen">,
  options: { clock: Clock; log: Logger },
): GatewaySessionLog {
  const sessions = new Map<number, { id: string; live: boolean }>();
  let writes: Promise<void> = Promise.resolve();
  const inOrder = (work: () => Promise<void>): Promise<void> => {
    const next = writes.then(work).catch((error: unknown) =>
      options.log.warning("Cannot record a gateway session: {error}", { error })
    );
    writes = next;
    return next;
  };

  return {
    record(event) {
      const at = options.clock.now();
      if (event.kind === "identified") {
        const id = crypto.randomUUID();
        sessions.set(event.shardId, { id, live: true });
        return inOrder(() =>
          archive.sessionStarted({
            id,
            shardId: event.shardId,
            shardCount: event.shardCount,
            startedAt: at,
          })
        );
      }
      const session = sessions.get(event.shardId);
      if (session === undefined) return Promise.resolve();
      session.live = event.kind === "resumed";
      return inOrder(() => archive.sessionSeen(session.id, at, session.live));
    },
    renew() {
      const at = options.clock.now();
      const live = [...sessions.values()].filter((s) => s.live);
      return inOrder(async () => {
        for (const session of live) await archive.sessionSeen(session.id, at, true);
      });
    },
    end() {
      const at = options.clock.now();
      const all = [...sessions.values()];
      for (const session of all) session.live = false;
      return inOrder(async () => {
        for (const session of all) await archive.sessionSeen(session.id, at, false);
      });
    },
  };
}
