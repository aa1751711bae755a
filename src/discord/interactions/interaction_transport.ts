/**
 * The narrow interface the interaction runner answers through. The gateway shell
 * implements it over Discord's REST API; tests implement it with a recorder.
 * Interaction tokens are secrets: implementations never log them.
 */
import type { MessageBody, ModalBody } from "../../core/message_body.ts";

/** Message data of an interaction callback (Discord's JSON, plus `flags`). */
export type CallbackMessageData = Omit<MessageBody, "files"> & { flags?: number };

/** Discord's interaction callback JSON (`POST /interactions/{id}/{token}/callback`). */
export type InteractionCallback =
  /** PONG: only ever the answer to a PING. */
  | { type: 1 }
  /** CHANNEL_MESSAGE_WITH_SOURCE: a new message. */
  | { type: 4; data: CallbackMessageData }
  /** DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "thinking...", edited later. */
  | { type: 5; data?: { flags?: number } }
  /** DEFERRED_UPDATE_MESSAGE: acknowledge a component, edit its message later. */
  | { type: 6 }
  /** UPDATE_MESSAGE: replace the message that holds the component. */
  | { type: 7; data: CallbackMessageData }
  /** APPLICATION_COMMAND_AUTOCOMPLETE_RESULT: choices for the option being typed. */
  | { type: 8; data: { choices: Array<{ name: string; value: string }> } }
  /** MODAL: show a modal. */
  | { type: 9; data: ModalBody };

/** Discord's message flag for ephemeral answers. */
export const EPHEMERAL_FLAG = 64;

/** How the runner answers an interaction; implemented over REST by the gateway shell. */
export interface InteractionTransport {
  /** POST /interactions/{id}/{token}/callback */
  callback(interactionId: string, token: string, response: InteractionCallback): Promise<void>;
  /** PATCH /webhooks/{app}/{token}/messages/@original */
  editOriginal(applicationId: string, token: string, body: MessageBody): Promise<void>;
  /** POST /webhooks/{app}/{token} */
  followUp(
    applicationId: string,
    token: string,
    body: MessageBody,
    ephemeral: boolean,
  ): Promise<void>;
}
