/**
 * The link to a ticket's transcript page (with `PUBLIC_URL`): the log-channel
 * summary and the closing DM carry it as a link button instead of the files.
 */
import type { Ticket } from "../model.ts";
import type { ActionRow, LinkButton } from "../message_body.ts";

/**
 * The transcript page of `ticket` below `publicUrl` (which has no trailing slash):
 * its latest transcript, or with `options.sequence` the one of that close.
 */
export function transcriptPageUrl(
  publicUrl: string,
  ticket: Pick<Ticket, "guildId" | "number">,
  options: { sequence?: number } = {},
): string {
  const page = `${publicUrl}/web/t/${ticket.guildId}/${ticket.number}`;
  return options.sequence === undefined ? page : `${page}?transcript=${options.sequence}`;
}

/** A link button to the transcript page (of close `options.sequence`), labelled `options.label`. */
export function transcriptLinkButton(
  publicUrl: string,
  ticket: Pick<Ticket, "guildId" | "number">,
  options: { label: string; sequence?: number },
): LinkButton {
  return {
    type: 2,
    style: 5,
    label: options.label,
    url: transcriptPageUrl(
      publicUrl,
      ticket,
      options.sequence === undefined ? {} : { sequence: options.sequence },
    ),
  };
}

/** An action row with one link button to the transcript page, labelled `options.label`. */
export function transcriptLinkRow(
  publicUrl: string,
  ticket: Pick<Ticket, "guildId" | "number">,
  options: { label: string; sequence?: number },
): ActionRow<LinkButton> {
  return { type: 1, components: [transcriptLinkButton(publicUrl, ticket, options)] };
}
