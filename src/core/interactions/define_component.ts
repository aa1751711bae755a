/**
 * Buttons and modals declared beside their handlers, matched by the prefix of
 * their versioned `custom_id` (`t1:close:`), then decoded by `custom_id.ts`, so
 * ids on messages posted long ago keep routing.
 */
import type { HandlerContext } from "../context.ts";
import {
  type ComponentId,
  CUSTOM_ID_PREFIX,
  decodeCustomId,
  encodeCustomId,
} from "../custom_id.ts";
import type { ComponentInput, ModalInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";

type ModalAction = "openform" | "tag";
type ButtonAction = Exclude<ComponentId["action"], ModalAction>;

/** How the dispatcher reaches a button's or modal's handler. */
export interface ComponentRoute<I extends ComponentInput | ModalInput> {
  /** The `custom_id` prefix it answers, e.g. `t1:close:`. */
  prefix: string;
  /** The reply, or null when the id has the prefix but does not decode. */
  run(input: I, ctx: HandlerContext): Promise<Reply> | null;
}

/** A handler of the component id `A` submitted as `I`. */
export type ComponentHandler<I, A extends ComponentId["action"]> = (
  input: I,
  ctx: HandlerContext,
  id: Extract<ComponentId, { action: A }>,
) => Promise<Reply>;

function route<A extends ComponentId["action"], I extends ComponentInput | ModalInput>(
  action: A,
  handler: ComponentHandler<I, A>,
): ComponentRoute<I> {
  return {
    prefix: action === "pick"
      ? encodeCustomId({ action: "pick" })
      : `${CUSTOM_ID_PREFIX}:${action}:`,
    run(input, ctx) {
      const id = decodeCustomId(input.customId);
      return id?.action === action
        ? handler(input, ctx, id as Extract<ComponentId, { action: A }>)
        : null;
    },
  };
}

/** A button on a message the bot posted, answered by `handler`. */
export function defineButton<A extends ButtonAction>(
  spec: { action: A; handler: ComponentHandler<ComponentInput, A> },
): ComponentRoute<ComponentInput> {
  return route(spec.action, spec.handler);
}

/** A modal the bot showed, answered by `handler` when submitted. */
export function defineModal<A extends ModalAction>(
  spec: { action: A; handler: ComponentHandler<ModalInput, A> },
): ComponentRoute<ModalInput> {
  return route(spec.action, spec.handler);
}
