/** `/config`: the parent of `/config show`, `/config set ...`, `/config export` and `/config import`. */
import { defineCommandGroup, MANAGE_GUILD } from "./define_command.ts";
import { configShow } from "./config_show.ts";
import { configSet } from "./config_set.ts";
import { configExport } from "./config_export.ts";
import { configImport } from "./config_import.ts";

/** `/config show`, `/config set ...`, `/config export` and `/config import`. */
export const configCommand = defineCommandGroup({
  name: "config",
  description: "Show or change the ticket settings",
  default_member_permissions: MANAGE_GUILD,
  subcommands: [configShow, configSet, configExport, configImport],
});
