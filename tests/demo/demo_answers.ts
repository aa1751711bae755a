/** What the demo reads of the bot's answers: the final message of an interaction, a button's id. */
import type { InteractionHandle } from "../fake_discord/interactions.ts";
import type { FakeMessage } from "../fake_discord/types.ts";
import type { MessageLike } from "./narrate.ts";

const ANSWER_TIMEOUT_MS = 5_000;

/** The message a person finally sees for an interaction: the first answer, or its edit. */
export async function finalAnswer(handle: InteractionHandle): Promise<{
  body: MessageLike;
  ephemeral: boolean;
  elapsedMs: number;
}> {
  const first = await handle.response;
  const flags = Number((first.data as { flags?: unknown } | null)?.flags ?? 0);
  const ephemeral = (flags & 64) !== 0;
  if (first.type === 5 || first.type === 6) {
    const edit = await handle.waitForEvent("edit_original", ANSWER_TIMEOUT_MS);
    return { body: edit.body as MessageLike, ephemeral, elapsedMs: first.elapsedMs };
  }
  return { body: first.data ?? {}, ephemeral, elapsedMs: first.elapsedMs };
}

/** The `custom_id` of the button labelled `label` on `message` (its emoji aside). */
export function buttonId(message: FakeMessage, label: string): string {
  const rows = message.components as Array<{
    components?: Array<{ label?: string; custom_id?: string; emoji?: { name?: string } }>;
  }>;
  for (const row of rows) {
    for (const button of row.components ?? []) {
      const shown = button.emoji?.name === undefined
        ? button.label
        : `${button.emoji.name} ${button.label}`;
      if ((button.label === label || shown === label) && button.custom_id !== undefined) {
        return button.custom_id;
      }
    }
  }
  throw new Error(`Cannot click "${label}": the message has no such button`);
}
