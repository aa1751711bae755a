/**
 * Binds every store to an open database, and the unit of work that binds them to
 * one transaction instead: `stores.atomically(async (tx) => ...)`.
 */
import { getLogger, type Logger } from "@logtape/logtape";
import type { Clock, Stores, TransactionStores } from "../../core/ports.ts";
import { systemClock } from "../../lib/system_clock.ts";
import type { DatabaseHandle } from "../connect.ts";
import type { FieldCipher } from "../encryption/field_cipher.ts";
import { archiveStore } from "./archive.ts";
import { auditLog } from "./audit.ts";
import { feedbackStore } from "./feedback.ts";
import { lockStore } from "./locks.ts";
import { noteStore } from "./notes.ts";
import { panelStore } from "./panels.ts";
import { privacyStore } from "./privacy.ts";
import { retentionStore } from "./retention.ts";
import { databaseClock } from "./database_now.ts";
import { inTransaction, type StoreScope } from "./scope.ts";
import { settingsStore } from "./settings.ts";
import { statsStore } from "./stats.ts";
import { tagStore } from "./tags.ts";
import { ticketStore } from "./tickets.ts";
import { ticketTimerStore } from "./ticket_timers.ts";
import { transcriptStore } from "./transcripts.ts";
import { typeStore } from "./types.ts";

/** Options for `createStores`. */
export interface StoresOptions {
  /** Time source for `createdAt`/`updatedAt` stamps and lock waits (default: system time). */
  clock?: Clock;
  /** Where lost or unreleasable locks are reported (default: the `ticketeer.db` logger). */
  log?: Logger;
  /** Seals content at rest (from `ENCRYPTION_KEY`); absent: stored plain. */
  cipher?: FieldCipher;
}

/** The stores whose queries run on `scope` (the database or one transaction). */
export function transactionStores(scope: StoreScope): TransactionStores {
  return {
    tickets: ticketStore(scope),
    types: typeStore(scope),
    panels: panelStore(scope),
    archive: archiveStore(scope),
    transcripts: transcriptStore(scope),
    audit: auditLog(scope),
    settings: settingsStore(scope),
    tags: tagStore(scope),
    timers: ticketTimerStore(scope),
    feedback: feedbackStore(scope),
    notes: noteStore(scope),
  };
}

/** Every store over an open database; create one per app (its lock line is per instance). */
export function createStores(handle: DatabaseHandle, options: StoresOptions = {}): Stores {
  const clock = options.clock ?? systemClock;
  const scope: StoreScope = {
    db: handle.db,
    kind: handle.kind,
    now: () => clock.now().getTime(),
    ...(options.cipher ? { cipher: options.cipher } : {}),
  };
  return {
    ...transactionStores(scope),
    locks: lockStore(scope, { clock, log: options.log ?? getLogger(["ticketeer", "db"]) }),
    privacy: privacyStore(scope),
    retention: retentionStore(scope),
    stats: statsStore(scope),
    databaseClock: databaseClock(scope),
    atomically: (work) =>
      inTransaction(scope, (trx) => work(transactionStores({ ...scope, db: trx }))),
  };
}
