/**
 * `/config import file:<yaml>`: downloads the file (bounded), checks it, and
 * shows what it would change with Apply and Cancel buttons; an invalid file is
 * refused with every problem and its path. Nothing changes before Apply.
 */
import { allowed } from "../access.ts";
import { buttonRow } from "../button_row.ts";
import type { HandlerContext } from "../context.ts";
import { describeChanges, fitLines } from "../config_file/describe_changes.ts";
import { savePendingImport } from "../config_file/pending_import.ts";
import { prepareImport } from "../config_file/prepare_import.ts";
import type { CommandInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";

/** The largest configuration file accepted (a full guild's file is a few tens of KB). */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Room for the problem list in a refusal's embed (Discord allows 4,096). */
const PROBLEMS_LENGTH = 3500;
/** Room for the change list in a message (Discord allows 2,000). */
const CHANGES_LENGTH = 1700;

const OPTIONS = [{
  type: OptionType.Attachment,
  name: "file",
  description: "The configuration file (YAML), as /config export gives it",
  required: true,
}] as const;

/** `/config import file`. */
export const configImport = defineSubcommand({
  name: "import",
  description: "Load a configuration file: shows what changes, applies after you confirm",
  options: OPTIONS,
  handler: handleConfigImport,
});

/** The uploaded file's text, or the refusal that says what to do. */
export async function downloadConfig(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<string | Reply> {
  const tr = readerText(input);
  const attachment = options.file?.attachment ?? null;
  if (attachment === null) return refuse("invalid_value", tr.t("config_file.no_file"));
  const tooLarge = refuse(
    "invalid_value",
    tr.t("config_file.too_large", { max: MAX_CONFIG_BYTES / 1024 }),
  );
  if (attachment.size > MAX_CONFIG_BYTES) return tooLarge;
  let bytes: Uint8Array | null;
  try {
    bytes = await ctx.discord.download(attachment.url, MAX_CONFIG_BYTES);
  } catch (error) {
    ctx.log.warn("Could not download the configuration file of guild {guildId}", {
      guildId: input.guildId,
      error,
    });
    return refuse("invalid_value", tr.t("config_file.unreadable"));
  }
  if (bytes === null) return tooLarge;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse("invalid_value", tr.t("config_file.not_text"));
  }
}

/** Handles `/config import`. */
export async function handleConfigImport(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const tr = readerText(input);
  if (!allowed("config", input.member)) return refuse("not_admin", tr.t("config_file.not_admin"));
  await ctx.defer({ ephemeral: true });
  const text = await downloadConfig(input, ctx, options);
  if (typeof text !== "string") return text;
  const prepared = await prepareImport(ctx, { guildId: input.guildId, text });
  if (prepared.kind === "invalid") {
    return refuse(
      "invalid_value",
      tr.t("config_file.invalid", {
        count: prepared.problems.length,
        problems: fitLines(tr, prepared.problems, PROBLEMS_LENGTH),
      }),
    );
  }
  const lines = fitLines(tr, describeChanges(tr, prepared.changes, prepared.notes), CHANGES_LENGTH);
  if (prepared.changes.length === 0) {
    const said = prepared.notes.length === 0
      ? tr.t("config_file.no_changes")
      : `${tr.t("config_file.no_changes")}\n${lines}`;
    return ephemeral({ content: said, allowed_mentions: { parse: [] } });
  }
  await savePendingImport(ctx.settings, input.guildId, {
    id: input.id,
    askerId: input.member.user.id,
    text,
    baseline: prepared.baseline,
  });
  return ephemeral({
    content: tr.t("config_file.preview", { count: prepared.changes.length, changes: lines }),
    allowed_mentions: { parse: [] },
    components: [buttonRow([
      { style: 1, label: tr.t("config_file.apply"), id: { action: "cfgok", importId: input.id } },
      { style: 2, label: tr.t("config_file.cancel"), id: { action: "cfgno", importId: input.id } },
    ])],
  });
}
