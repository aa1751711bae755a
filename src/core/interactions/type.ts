/** `/type`: the parent of `/type create`, `/type delete`, `/type list` and `/type set`. */
import { defineCommandGroup, MANAGE_GUILD } from "./define_command.ts";
import { typeCreate } from "./type_create.ts";
import { typeDelete } from "./type_delete.ts";
import { typeList } from "./type_list.ts";
import { typeSet } from "./type_set.ts";

/** `/type create|delete|list|set`. */
export const typeCommand = defineCommandGroup({
  name: "type",
  description: "Add, change or remove ticket types",
  default_member_permissions: MANAGE_GUILD,
  subcommands: [typeCreate, typeDelete, typeList, typeSet],
});
