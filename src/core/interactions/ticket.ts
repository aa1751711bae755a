/** `/ticket`: the parent of every subcommand members and staff use inside tickets. */
import { defineCommandGroup } from "./define_command.ts";
import { ticketNew } from "./ticket_new.ts";
import { ticketAdd } from "./ticket_add.ts";
import { ticketRemove } from "./ticket_remove.ts";
import { ticketClaim, ticketUnclaim } from "./ticket_claim.ts";
import { ticketClose } from "./ticket_close.ts";
import { ticketAssistant } from "./ticket_assistant.ts";
import { ticketNotes } from "./ticket_notes.ts";

/** `/ticket new|add|remove|claim|unclaim|close|assistant|notes`, shown to everyone. */
export const ticketCommand = defineCommandGroup({
  name: "ticket",
  description: "Open and manage support tickets",
  default_member_permissions: null,
  subcommands: [
    ticketNew,
    ticketAdd,
    ticketRemove,
    ticketClaim,
    ticketUnclaim,
    ticketClose,
    ticketAssistant,
    ticketNotes,
  ],
});
