/** The audit entry and log line every `/config set ...` writes. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { recordAction } from "../audit_log.ts";

/** Records a settings change by the member who ran the command: `detail` audited, `line` logged. */
export async function recordSettingChange(
  input: CommandInput,
  ctx: HandlerContext,
  change: { detail: Record<string, unknown>; line: string },
): Promise<void> {
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "config.set",
      detail: change.detail,
    },
    change.line,
  );
}
