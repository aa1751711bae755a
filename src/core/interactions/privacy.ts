/** `/privacy`: the parent of `/privacy erase` (Manage Server) and `/privacy mydata` (anyone). */
import { defineCommandGroup } from "./define_command.ts";
import { privacyErase } from "./privacy_erase.ts";
import { privacyMydata } from "./privacy_mydata.ts";

/** `/privacy erase|mydata`, shown to everyone (erase checks Manage Server itself). */
export const privacyCommand = defineCommandGroup({
  name: "privacy",
  description: "Your data in the tickets: a copy by DM, or erasing a member's words (admins)",
  default_member_permissions: null,
  subcommands: [privacyErase, privacyMydata],
});
