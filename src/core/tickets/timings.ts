/**
 * What a ticket's timers keep: when staff first answered and who last wrote,
 * the next step of an auto close, the pending close request, and the timers a
 * pass finds due.
 */
import type { UserId } from "../ids.ts";
import type { TicketId } from "../model.ts";

/** The step of an auto close that is due next: the warning, then the close. */
export type AutoCloseStep = "warn" | "close";

/** A staff member's request that the opener confirm the close (`/ticket close-request`). */
export interface CloseRequest {
  /** Counts up with each request, so the buttons of a replaced one are known stale. */
  seq: number;
  by: UserId;
  reason: string | null;
  /** When it closes the ticket by itself. */
  dueAt: Date;
}

/** When things happened in a ticket, and what its timers wait for. */
export interface TicketTimings {
  ticketId: TicketId;
  /** The first message by staff (null until staff wrote). */
  firstStaffResponseAt: Date | null;
  lastOpenerMessageAt: Date | null;
  lastStaffMessageAt: Date | null;
  /** The next step of an auto close and when it is due; null when none runs. */
  autoClose: { step: AutoCloseStep; dueAt: Date } | null;
  closeRequest: CloseRequest | null;
  /** When the opener was last looked up (are they still in the guild?). */
  openerCheckedAt: Date | null;
}

/** A timer a pass found due: a step of an auto close, or a close request that timed out. */
export type DueTimer =
  | { kind: "auto_close"; ticketId: TicketId; step: AutoCloseStep; dueAt: Date }
  | { kind: "close_request"; ticketId: TicketId; seq: number; dueAt: Date };
