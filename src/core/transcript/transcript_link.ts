/**
 * The link to a ticket's transcript page (with `PUBLIC_URL`): the log-channel
 * summary and the closing DM carry it as a link button instead of the files.
 */
import type { Ticket } from "../model.ts";
import type { ActionRow, LinkButton } from "../message_body.ts";

/** The transcript page of `ticket` below `publicUrl` (which has no trailing slash). */
export function transcriptPageUrl(
  publicUrl: string,
  ticket: Pick<Ticket, "guildId" | "number">,
): string {
  return `${publicUrl}/web/t/${ticket.guildId}/${ticket.number}`;
}

/** An action row with one link button to the transcript page, labelled `options.label`. */
export function transcriptLinkRow(
  publicUrl: string,
  ticket: Pick<Ticket, "guildId" | "number">,
  options: { label: string },
): ActionRow<LinkButton> {
  return {
    type: 1,
    components: [{
      type: 2,
      style: 5,
      label: options.label,
      url: transcriptPageUrl(publicUrl, ticket),
    }],
  };
}
