/** `/tag`: saved answers staff keep and post in tickets. */
import { defineCommandGroup } from "./define_command.ts";
import { tagCreate, tagDelete, tagEdit, tagList } from "./tag_manage.ts";
import { tagSend } from "./tag_send.ts";

/** `/tag send|create|edit|delete|list`; each subcommand checks that the member is staff. */
export const tagCommand = defineCommandGroup({
  name: "tag",
  description: "Saved answers to post in tickets",
  default_member_permissions: null,
  subcommands: [tagSend, tagCreate, tagEdit, tagDelete, tagList],
});
