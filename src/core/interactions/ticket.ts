/** `/ticket`: the parent of every subcommand members and staff use inside tickets. */
import { defineCommandGroup } from "./define_command.ts";
import { ticketNew } from "./ticket_new.ts";
import { ticketOpenFor } from "./ticket_open_for.ts";
import { ticketAdd } from "./ticket_add.ts";
import { ticketRemove } from "./ticket_remove.ts";
import { ticketClaim, ticketUnclaim } from "./ticket_claim.ts";
import { ticketClose } from "./ticket_close.ts";
import { ticketAssistant } from "./ticket_assistant.ts";
import { ticketTransfer } from "./ticket_transfer.ts";
import { ticketMove } from "./ticket_move.ts";
import { ticketPriority } from "./ticket_priority.ts";
import { ticketList } from "./ticket_list.ts";
import { ticketReopen } from "./ticket_reopen.ts";
import { ticketCloseRequest } from "./ticket_close_request.ts";

import { ticketNotes } from "./ticket_notes.ts";

/** `/ticket` and its subcommands, shown to everyone (each checks who may use it). */
export const ticketCommand = defineCommandGroup({
  name: "ticket",
  description: "Open and manage support tickets",
  default_member_permissions: null,
  subcommands: [
    ticketNew,
    ticketOpenFor,
    ticketAdd,
    ticketRemove,
    ticketClaim,
    ticketUnclaim,
    ticketClose,
    ticketAssistant,
    ticketTransfer,
    ticketMove,
    ticketPriority,
    ticketList,
    ticketReopen,
    ticketCloseRequest,
    ticketNotes,
  ],
});
