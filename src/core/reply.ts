/**
 * What a handler returns. The shell turns it into Discord's interaction response:
 * the HTTP body for HTTP interactions, a REST callback on the gateway, or an edit
 * of the original response when the handler deferred first.
 */
import type { MessageBody, ModalBody } from "./message_body.ts";
import type { Refusal } from "./refusal.ts";

export type Reply =
  /**
   * A new message (ephemeral: only the member who asked sees it). `after` is work
   * the shell runs once the message is delivered (or could not be): what the
   * member need not wait for.
   */
  | { kind: "message"; body: MessageBody; ephemeral: boolean; after?: () => Promise<void> }
  /** Replace the message that holds the pressed component (type 7). */
  | { kind: "update"; body: MessageBody }
  /** Show a modal (only as the first answer, never after a defer); `after` as for messages. */
  | { kind: "modal"; modal: ModalBody; after?: () => Promise<void> }
  /** A user-facing refusal: rendered as a short ephemeral embed. */
  | Refusal;

/** An ephemeral message reply. */
export function ephemeral(body: MessageBody | string): Reply {
  return {
    kind: "message",
    body: typeof body === "string" ? { content: body } : body,
    ephemeral: true,
  };
}

/** A message reply everyone in the channel sees. */
export function visible(body: MessageBody | string): Reply {
  return {
    kind: "message",
    body: typeof body === "string" ? { content: body } : body,
    ephemeral: false,
  };
}

/** Runs the `after` work of `reply`, if any (the shells call it once the reply is delivered). */
export async function runAfter(reply: Reply): Promise<void> {
  if ((reply.kind === "message" || reply.kind === "modal") && reply.after !== undefined) {
    await reply.after();
  }
}
