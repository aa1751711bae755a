/**
 * Every command (slash and context menu), button and modal the bot answers, in
 * one list: registration takes the definitions from here, and the dispatcher its
 * routes.
 */
import type {
  ComponentInput,
  DirectComponentInput,
  DirectModalInput,
  ModalInput,
} from "../interaction.ts";
import type { CommandDefinition, SlashCommand } from "./define_command.ts";
import type { ComponentRoute } from "./define_component.ts";
import { setupCommand } from "./setup.ts";
import { configCommand } from "./config.ts";
import { panelCommand } from "./panel.ts";
import { ticketCommand } from "./ticket.ts";
import { typeCommand } from "./type.ts";
import { tagCommand } from "./tag.ts";
import { statsCommand } from "./stats.ts";
import { tagFormModal } from "./tag_manage.ts";
import { queuePageButton } from "./ticket_list.ts";
import { claimButton } from "./ticket_claim.ts";
import { closeButton, closeCancel, closeConfirm } from "./ticket_close.ts";
import { reopenButton } from "./ticket_reopen.ts";
import { openButton, openFormModal } from "./open_button.ts";
import { panelPick } from "./panel_pick.ts";
import { privacyCommand } from "./privacy.ts";
import { eraseCancel, eraseConfirm } from "./privacy_erase_confirm.ts";
import { configImportApply, configImportCancel } from "./config_import_confirm.ts";
import { localizeCommand, localizeContextMenu } from "./localize_command.ts";
import { closeRequestAccept, closeRequestKeepOpen } from "./ticket_close_request.ts";
import { rateButton, rateNoteModal } from "../feedback/rate_button.ts";
import type { ContextMenuCommand, ContextMenuDefinition } from "./define_context_menu.ts";
import { openForUserMenu } from "./ticket_open_for.ts";
import { openAboutMessageMenu } from "./open_about_message.ts";

/** Every slash command. */
export const COMMANDS: readonly SlashCommand[] = [
  setupCommand,
  configCommand,
  panelCommand,
  ticketCommand,
  typeCommand,
  privacyCommand,
  tagCommand,
  statsCommand,
];

/** Every context-menu command (right click -> Apps), by name and target. */
export const CONTEXT_MENUS: readonly ContextMenuCommand[] = [openAboutMessageMenu, openForUserMenu];

/** Every button, by `custom_id` prefix. */
export const BUTTONS: readonly ComponentRoute<ComponentInput>[] = [
  openButton,
  closeButton,
  claimButton,
  closeConfirm,
  closeCancel,
  panelPick,
  eraseConfirm,
  eraseCancel,
  configImportApply,
  configImportCancel,
  queuePageButton,
  reopenButton,
  closeRequestAccept,
  closeRequestKeepOpen,
];

/** Every modal, by `custom_id` prefix. */
export const MODALS: readonly ComponentRoute<ModalInput>[] = [openFormModal, tagFormModal];

/** Every button on a message the bot sent by DM. */
export const DIRECT_BUTTONS: readonly ComponentRoute<DirectComponentInput>[] = [rateButton];

/** Every modal shown from a DM. */
export const DIRECT_MODALS: readonly ComponentRoute<DirectModalInput>[] = [rateNoteModal];

/**
 * The other languages' command tables: loaded by registration alone (once a start),
 * and the localized definitions built from them are not kept.
 */
async function commandTables() {
  return (await import("../../i18n/command_tables.ts")).COMMAND_TABLES;
}

/** The definitions as Discord registers them (a bulk overwrite), localized from the catalogs. */
export async function localizedCommands(): Promise<readonly CommandDefinition[]> {
  const tables = await commandTables();
  return COMMANDS.map((c) => localizeCommand(c.definition, tables));
}

/** The context menus as Discord registers them, their names localized from the catalogs. */
export async function localizedContextMenus(): Promise<readonly ContextMenuDefinition[]> {
  const tables = await commandTables();
  return CONTEXT_MENUS.map((c) => localizeContextMenu(c.definition, tables));
}

/** Everything one bulk overwrite registers: the slash commands, then the context menus. */
export async function registeredCommands(): Promise<
  readonly (CommandDefinition | ContextMenuDefinition)[]
> {
  return [...await localizedCommands(), ...await localizedContextMenus()];
}
