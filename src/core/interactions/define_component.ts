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
import type {
  ComponentInput,
  DirectComponentInput,
  DirectModalInput,
  ModalInput,
} from "../interaction.ts";
import type { Reply } from "../reply.ts";

type ModalAction = "openform" | "ratenote" | "tag";
type DirectAction = "rate" | "ratenote";

/** Everything a component route may answer. */
type RoutedInput = ComponentInput | ModalInput | DirectComponentInput | DirectModalInput;
type ButtonAction = Exclude<ComponentId["action"], ModalAction | DirectAction>;

/** How the dispatcher reaches a button's or modal's handler. */
export interface ComponentRoute<I extends RoutedInput> {
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

function route<A extends ComponentId["action"], I extends RoutedInput>(
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
export function defineModal<A extends Exclude<ModalAction, DirectAction>>(
  spec: { action: A; handler: ComponentHandler<ModalInput, A> },
): ComponentRoute<ModalInput> {
  return route(spec.action, spec.handler);
}

/** A button on a message the bot sent by DM, answered by `handler`. */
export function defineDirectButton<A extends Exclude<DirectAction, ModalAction>>(
  spec: { action: A; handler: ComponentHandler<DirectComponentInput, A> },
): ComponentRoute<DirectComponentInput> {
  return route(spec.action, spec.handler);
}

/** A modal shown from a DM, answered by `handler` when submitted. */
export function defineDirectModal<A extends DirectAction & ModalAction>(
  spec: { action: A; handler: ComponentHandler<DirectModalInput, A> },
): ComponentRoute<DirectModalInput> {
  return route(spec.action, spec.handler);
}
