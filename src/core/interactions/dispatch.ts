/**
 * The one entry point both shells call: routes a command by name (and
 * subcommand), a button or modal by its `custom_id` prefix, and turns every
 * throw into a short ephemeral answer (with an error id to give staff) so a
 * member is never left with "The application did not respond".
 */
import type { HandlerContext } from "../context.ts";
import type {
  CommandInput,
  ComponentInput,
  ContextMenuInput,
  DirectComponentInput,
  DirectInput,
  DirectModalInput,
  InteractionInput,
  ModalInput,
} from "../interaction.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import type { ComponentRoute } from "./define_component.ts";
import { apologize } from "./apology.ts";
import {
  BUTTONS,
  COMMANDS,
  CONTEXT_MENUS,
  DIRECT_BUTTONS,
  DIRECT_MODALS,
  MODALS,
} from "./registry.ts";
import { matchesMenu } from "./define_context_menu.ts";
import { DEFAULT_LOCALE, fromDiscordLocale, type Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";
import { loadLanguage, loadLanguages } from "../../i18n/catalogs.ts";

/** Keeps the member's locale for later direct messages; a failure here only logs. */
async function rememberLocale(input: InteractionInput, ctx: HandlerContext): Promise<void> {
  try {
    await ctx.settings.rememberLocale(input.member.user.id, input.locale);
  } catch (error) {
    ctx.log.warn("Could not keep the locale of user {userId}: {error}", {
      userId: input.member.user.id,
      error,
    });
  }
}

/** The reply for a command, button or form this build does not know (stale or foreign). */
export function unknownComponent(locale: Locale): Reply {
  return refuse("unknown_component", translator(locale).t("unknown_component"));
}

/** The English reply for an unknown command, button or form. */
export const UNKNOWN_COMPONENT = unknownComponent(DEFAULT_LOCALE);

/** The route key of a command: `name`, `name subcommand` or `name group`. */
export function commandKey(input: Pick<CommandInput, "name" | "group" | "subcommand">): string {
  return input.group !== null
    ? `${input.name} ${input.group}`
    : input.subcommand !== null
    ? `${input.name} ${input.subcommand}`
    : input.name;
}

function routeCommand(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  const key = commandKey(input);
  const route = COMMANDS.flatMap((c) => c.routes).find((r) => r.key === key);
  return route
    ? route.run(input, ctx)
    : Promise.resolve(unknownComponent(fromDiscordLocale(input.locale)));
}

function routeContextMenu(input: ContextMenuInput, ctx: HandlerContext): Promise<Reply> {
  const menu = CONTEXT_MENUS.find((c) => matchesMenu(c.definition, input));
  return menu
    ? menu.run(input, ctx)
    : Promise.resolve(unknownComponent(fromDiscordLocale(input.locale)));
}

function routeByPrefix<
  I extends ComponentInput | ModalInput | DirectComponentInput | DirectModalInput,
>(
  routes: readonly ComponentRoute<I>[],
  input: I,
  ctx: HandlerContext,
): Promise<Reply> {
  const route = routes.find((r) => input.customId.startsWith(r.prefix));
  return route?.run(input, ctx) ??
    Promise.resolve(unknownComponent(fromDiscordLocale(input.locale)));
}

/** Routes a DM's button or form; a throw becomes the apology as in guilds. */
async function dispatchDirect(input: DirectInput, ctx: HandlerContext): Promise<Reply> {
  try {
    await loadLanguage(fromDiscordLocale(input.locale));
    return input.kind === "direct_component"
      ? await routeByPrefix(DIRECT_BUTTONS, input, ctx)
      : await routeByPrefix(DIRECT_MODALS, input, ctx);
  } catch (error) {
    const where = {
      kind: input.kind,
      name: input.customId,
      channelId: input.channelId,
      userId: input.user.id,
      interactionId: input.id,
    };
    return apologize(ctx, { error, where, locale: fromDiscordLocale(input.locale) });
  }
}

/** Routes `input` to its handler and answers every outcome, including a throw. */
export async function dispatch(
  input: InteractionInput | DirectInput,
  ctx: HandlerContext,
): Promise<Reply> {
  if (input.kind === "direct_component" || input.kind === "direct_modal") {
    return await dispatchDirect(input, ctx);
  }
  const locale = fromDiscordLocale(input.locale);
  // Kept once the first answer is on its way (the handler deferred, or returned its
  // reply), never before it: the member is waiting on that answer, and in a burst
  // every write queued ahead of a defer delays the defers of everyone after it.
  let remembered: Promise<void> | null = null;
  const remember = () => remembered ??= rememberLocale(input, ctx);
  const routed: HandlerContext = {
    ...ctx,
    async defer(options) {
      try {
        await ctx.defer(options);
      } finally {
        remember();
      }
    },
  };
  try {
    // The handler answers in these languages synchronously: their messages load first.
    await loadLanguages([locale, input.guildLocale ? fromDiscordLocale(input.guildLocale) : null]);
    switch (input.kind) {
      case "command":
        return await routeCommand(input, routed);
      case "component":
        return await routeByPrefix(BUTTONS, input, routed);
      case "modal":
        return await routeByPrefix(MODALS, input, routed);
      case "context_menu":
        return await routeContextMenu(input, routed);
    }
  } catch (error) {
    const where = {
      kind: input.kind,
      name: input.kind === "command"
        ? [input.name, input.group, input.subcommand].filter((p) => p !== null).join(" ")
        : input.kind === "context_menu"
        ? input.name
        : input.customId,
      guildId: input.guildId,
      channelId: input.channelId,
      userId: input.member.user.id,
      interactionId: input.id,
    };
    if (error instanceof DiscordRequestError) {
      const reply = failureRefusal(error.failure, { locale });
      if (reply !== null) {
        ctx.log.warn("Interaction {name} failed with Discord error {failure}", {
          ...where,
          failure: error.failure.kind,
          error,
        });
        return reply;
      }
    }
    return apologize(ctx, { error, where, locale });
  } finally {
    await remember();
  }
}
