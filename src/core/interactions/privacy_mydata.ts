/**
 * `/privacy mydata` (anyone): the member's own tickets and messages in this
 * guild, and none of others' words, as a JSON file by DM; once a day per member
 * and guild, counted in the database so the limit holds across processes.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { readerText } from "../language.ts";
import { defineSubcommand } from "./define_command.ts";

/** How often a member may ask for their data. */
export const MYDATA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The largest file a bot may send by DM (Discord's default upload limit, 10 MiB). */
export const DM_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** `at` as Discord timestamps each reader's client shows in their language and time zone. */
function discordTimes(at: Date): { relative: string; exact: string } {
  const seconds = Math.ceil(at.getTime() / 1000);
  return { relative: `<t:${seconds}:R>`, exact: `<t:${seconds}:f>` };
}

/** `/privacy mydata`. */
export const privacyMydata = defineSubcommand({
  name: "mydata",
  description: "Get your tickets and messages in this server as a file by DM (once a day)",
  options: [],
  handler: handlePrivacyMydata,
});

/** Handles `/privacy mydata`: takes the day's slot, then sends the copy by DM. */
export async function handlePrivacyMydata(
  input: CommandInput,
  ctx: HandlerContext,
): Promise<Reply> {
  const tr = readerText(input);
  const { guildId } = input;
  const userId = input.member.user.id;
  await ctx.defer({ ephemeral: true });
  const at = ctx.clock.now();
  const slot = await ctx.privacy.takeExportSlot(guildId, userId, {
    at,
    windowMs: MYDATA_WINDOW_MS,
  });
  if (!slot.taken) {
    return refuse(
      "rate_limited",
      tr.t("privacy.mydata_wait", discordTimes(slot.freeAt)),
    );
  }
  // A copy that was not delivered does not use up the member's day.
  const giveBack = () => ctx.privacy.releaseExportSlot(guildId, userId, at);
  try {
    const data = await ctx.privacy.exportOwn(guildId, userId);
    const bytes = new TextEncoder().encode(data.json);
    if (bytes.byteLength > DM_UPLOAD_LIMIT_BYTES) {
      await giveBack();
      return refuse("not_allowed", tr.t("privacy.mydata_too_large"));
    }
    try {
      const dm = await ctx.discord.dmChannel(userId);
      await ctx.discord.sendMessage(dm, {
        content: tr.t("privacy.mydata_dm", { guild: guildId }),
        allowed_mentions: { parse: [] },
        files: [{
          name: `ticketeer-data-${guildId}.json`,
          data: bytes,
          contentType: "application/json",
        }],
      });
    } catch (error) {
      if (!isDiscordFailure(error, "cannot_dm")) throw error;
      await giveBack();
      return refuse("not_allowed", tr.t("privacy.mydata_dm_closed"));
    }
    return ephemeral(
      tr.t("privacy.mydata_sent", { tickets: data.tickets, messages: data.messages }),
    );
  } catch (error) {
    await giveBack().catch(() => {});
    throw error;
  }
}
