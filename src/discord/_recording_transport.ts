/**
 * Test helper: an `InteractionTransport` that records every call and lets a test
 * await the next one (with a bounded wait, so a test cannot hang).
 */
import type { MessageBody } from "../core/message_body.ts";
import type { InteractionCallback, InteractionTransport } from "./interaction_transport.ts";

/** One recorded transport call. */
export type RecordedCall =
  | { method: "callback"; interactionId: string; token: string; response: InteractionCallback }
  | { method: "editOriginal"; applicationId: string; token: string; body: MessageBody }
  | {
    method: "followUp";
    applicationId: string;
    token: string;
    body: MessageBody;
    ephemeral: boolean;
  };

/** A transport that records every call and lets a test await the next one. */
export class RecordingTransport implements InteractionTransport {
  readonly calls: RecordedCall[] = [];
  /** When true, `callback` rejects (as for an expired interaction). */
  failCallbacks = false;
  #waiters: Array<() => void> = [];

  /** Resolves at the next recorded call; rejects after `timeoutMs` (default 2000). */
  nextCall(timeoutMs = 2000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No transport call within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #record(call: RecordedCall): void {
    this.calls.push(call);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  callback(interactionId: string, token: string, response: InteractionCallback): Promise<void> {
    this.#record({ method: "callback", interactionId, token, response });
    return this.failCallbacks
      ? Promise.reject(new Error("Unknown interaction"))
      : Promise.resolve();
  }

  editOriginal(applicationId: string, token: string, body: MessageBody): Promise<void> {
    this.#record({ method: "editOriginal", applicationId, token, body });
    return Promise.resolve();
  }

  followUp(
    applicationId: string,
    token: string,
    body: MessageBody,
    ephemeral: boolean,
  ): Promise<void> {
    this.#record({ method: "followUp", applicationId, token, body, ephemeral });
    return Promise.resolve();
  }
}
