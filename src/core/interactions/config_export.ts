/** `/config export`: the guild's whole ticket configuration as a YAML file, for `/config import`. */
import { allowed } from "../access.ts";
import { documentOf, readConfigState, renderConfig } from "../config_file/export_config.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { defineSubcommand } from "./define_command.ts";

/** The file's name for a guild. */
export function configFileName(guildId: string): string {
  return `ticketeer-config-${guildId}.yaml`;
}

/** `/config export`. */
export const configExport = defineSubcommand({
  name: "export",
  description: "Get the whole ticket configuration as a YAML file",
  options: [] as const,
  async handler(input, ctx) {
    const tr = readerText(input);
    if (!allowed("config", input.member)) return refuse("not_admin", tr.t("config_file.not_admin"));
    const text = renderConfig(documentOf(await readConfigState(ctx, input.guildId)));
    return ephemeral({
      content: tr.t("config_file.exported"),
      allowed_mentions: { parse: [] },
      files: [{
        name: configFileName(input.guildId),
        data: new TextEncoder().encode(text),
        contentType: "application/yaml",
      }],
    });
  },
});
