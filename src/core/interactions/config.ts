/** `/config`: the parent of `/config show` and `/config set …`. */
import { defineCommandGroup, MANAGE_GUILD } from "./define_command.ts";
import { configShow } from "./config_show.ts";
import { configSet } from "./config_set.ts";

/** `/config show` and `/config set …`. */
export const configCommand = defineCommandGroup({
  name: "config",
  description: "Show or change the ticket settings",
  default_member_permissions: MANAGE_GUILD,
  subcommands: [configShow, configSet],
});
