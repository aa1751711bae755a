/**
 * `/stats [days] [type] [staff]` (staff of any type, or Manage Server): the
 * figures of the last `days` (default 30) as an ephemeral embed, with the CSV
 * of the period's tickets attached when Discord takes it as a file (the
 * interaction's `attachment_size_limit`, else 10 MiB). A period
 * with more tickets than such a file surely holds gets the figures alone
 * (computed without reading a row per ticket) and a pointer to the statistics
 * page's download and `ticketeer stats --csv`. Staff see the types they
 * handle; a type they do not handle is refused. Read from the database only.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import type { TicketType } from "../model.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { staffTypes } from "../staff_types.ts";
import { chosenType } from "../types/chosen_type.ts";
import { isAdmin } from "../access.ts";
import { DM_UPLOAD_LIMIT_BYTES } from "./privacy_mydata.ts";
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS, readStatsWithin } from "../stats/read_stats.ts";
import { csvTicketsWithin, statsCsv, statsFileName } from "../stats/stats_csv.ts";
import { statsEmbed } from "../stats/stats_embed.ts";
import { defineCommand, OptionType, type OptionValues } from "./define_command.ts";
import { TYPE_OPTION } from "./type_option.ts";

const OPTIONS = [
  {
    type: OptionType.Integer,
    name: "days",
    description: `The period: the last N days (default ${DEFAULT_STATS_DAYS})`,
    required: false,
    min_value: 1,
    max_value: MAX_STATS_DAYS,
  },
  { ...TYPE_OPTION, description: "Only this ticket type", required: false },
  { type: OptionType.User, name: "staff", description: "Only this staff member", required: false },
] as const;

/** `/stats`. */
export const statsCommand = defineCommand({
  name: "stats",
  description: "Ticket statistics: response and resolution times, ratings, load per staff member",
  default_member_permissions: null,
  options: OPTIONS,
  handler: handleStats,
});

/** Handles `/stats`. */
export async function handleStats(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const tr = readerText(input);
  const all = await ctx.types.list(input.guildId);
  const mine = staffTypes(input.member, all, { action: "stats" });
  if (mine.length === 0) return refuse("not_staff", tr.t("stats.not_staff"));
  const days = options.days ?? DEFAULT_STATS_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS) {
    return refuse("invalid_value", tr.t("stats.bad_days", { max: MAX_STATS_DAYS }));
  }
  let type: TicketType | null = null;
  if (options.type !== null && options.type !== "") {
    type = await chosenType(ctx.types, { guildId: input.guildId, value: options.type });
    if (type === null) return refuse("unknown_type", tr.t("types.unknown"));
    const chosen = type;
    if (!mine.some((t) => t.id === chosen.id)) {
      return refuse("not_staff", tr.t("stats.not_your_type", { type: type.name }));
    }
  }
  await ctx.defer({ ephemeral: true });
  const types = type === null ? mine : [type];
  const uploadLimit = input.attachmentSizeLimit ?? DM_UPLOAD_LIMIT_BYTES;
  const figures = await readStatsWithin(ctx.stats, {
    guildId: input.guildId,
    now: ctx.clock.now(),
    days,
    types,
    allTypes: type === null && isAdmin(input.member),
    staffId: options.staff?.value ?? null,
    notStaff: [input.applicationId],
  }, csvTicketsWithin(uploadLimit, all));
  const scope = { days, type, staffId: options.staff?.value ?? null };
  const withoutCsv = (reason: "stats.csv_too_many" | "stats.csv_too_large") =>
    ephemeral({
      ...statsEmbed(tr, figures, { ...scope, withCsv: false }),
      content: tr.t(reason, { days }),
    });
  if (!("tickets" in figures)) return withoutCsv("stats.csv_too_many");
  const csv = new TextEncoder().encode(statsCsv(figures, all));
  if (csv.byteLength > uploadLimit) return withoutCsv("stats.csv_too_large");
  return ephemeral({
    ...statsEmbed(tr, figures, scope),
    files: [{ name: statsFileName(input.guildId, days), data: csv, contentType: "text/csv" }],
  });
}
