/**
 * Every command, button and modal the bot answers, in one list: registration
 * takes the definitions from here, and the dispatcher its routes.
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
import { claimButton } from "./ticket_claim.ts";
import { closeButton, closeCancel, closeConfirm } from "./ticket_close.ts";
import { openButton, openFormModal } from "./open_button.ts";
import { panelPick } from "./panel_pick.ts";
import { privacyCommand } from "./privacy.ts";
import { eraseCancel, eraseConfirm } from "./privacy_erase_confirm.ts";
import { configImportApply, configImportCancel } from "./config_import_confirm.ts";
import { closeRequestAccept, closeRequestKeepOpen } from "./ticket_close_request.ts";
import { localizeCommand } from "./localize_command.ts";
import { rateButton, rateNoteModal } from "../feedback/rate_button.ts";
import { COMMAND_TABLES } from "../../i18n/command_tables.ts";

/** Every slash command. */
export const COMMANDS: readonly SlashCommand[] = [
  setupCommand,
  configCommand,
  panelCommand,
  ticketCommand,
  typeCommand,
  privacyCommand,
];

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
  closeRequestAccept,
  closeRequestKeepOpen,
];

/** Every modal, by `custom_id` prefix. */
export const MODALS: readonly ComponentRoute<ModalInput>[] = [openFormModal];

/** Every button on a message the bot sent by DM. */
export const DIRECT_BUTTONS: readonly ComponentRoute<DirectComponentInput>[] = [rateButton];

/** Every modal shown from a DM. */
export const DIRECT_MODALS: readonly ComponentRoute<DirectModalInput>[] = [rateNoteModal];

/** The definitions as Discord registers them (a bulk overwrite), localized from the catalogs. */
export const COMMAND_DEFINITIONS: readonly CommandDefinition[] = COMMANDS.map((c) =>
  localizeCommand(c.definition, COMMAND_TABLES)
);
