/**
 * Context-menu commands (right click -> Apps) declared beside their handlers: a
 * user command (type 2) or a message command (type 3). Discord gives them a name
 * only (spaces and capitals allowed, no description, no options) and routes them
 * by that name and type.
 */
import type { HandlerContext } from "../context.ts";
import type { ContextMenuInput, ContextMenuTarget } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import type { Localizations } from "./define_command.ts";

/** Discord's application command types of context menus. */
export const ContextMenuType = { User: 2, Message: 3 } as const;

/** A context-menu command as sent to Discord. */
export interface ContextMenuDefinition {
  type: (typeof ContextMenuType)[keyof typeof ContextMenuType];
  /** 1-32 characters; may hold spaces and capitals. */
  name: string;
  /** Permission bits as a decimal string; `null` shows the command to everyone. */
  default_member_permissions: string | null;
  integration_types: readonly [0];
  contexts: readonly [0];
  name_localizations?: Localizations;
}

/** A context-menu command: what Discord registers, and its handler. */
export interface ContextMenuCommand {
  definition: ContextMenuDefinition;
  run(input: ContextMenuInput, ctx: HandlerContext): Promise<Reply>;
}

type TargetOf<K extends ContextMenuTarget["kind"]> = Extract<ContextMenuTarget, { kind: K }>;

/** A user or message command whose handler receives its target of the declared kind. */
export function defineContextMenu<K extends ContextMenuTarget["kind"]>(spec: {
  target: K;
  name: string;
  default_member_permissions: string | null;
  handler: (input: ContextMenuInput, ctx: HandlerContext, target: TargetOf<K>) => Promise<Reply>;
}): ContextMenuCommand {
  return {
    definition: {
      type: spec.target === "user" ? ContextMenuType.User : ContextMenuType.Message,
      name: spec.name,
      default_member_permissions: spec.default_member_permissions,
      integration_types: [0],
      contexts: [0],
    },
    run: (input, ctx) => spec.handler(input, ctx, input.target as TargetOf<K>),
  };
}

/** The key of a context menu's name in a language's command table: `menu:<English name>`. */
export function contextMenuKey(definition: Pick<ContextMenuDefinition, "name">): string {
  return `menu:${definition.name}`;
}

/** Whether a context menu of `definition` answers `input` (same name, same target kind). */
export function matchesMenu(definition: ContextMenuDefinition, input: ContextMenuInput): boolean {
  const type = input.target.kind === "user" ? ContextMenuType.User : ContextMenuType.Message;
  return definition.name === input.name && definition.type === type;
}
