/** The slash-command table of each shipped language but English, by the Discord locales it serves. */
import type { CommandTable } from "./command_table.ts";
import { commands as de } from "./de/commands.ts";
import { commands as fr } from "./fr/commands.ts";
import { commands as es } from "./es/commands.ts";
import { commands as ptBr } from "./pt_br/commands.ts";

/** Discord locale -> that language's command table (both Spanish locales read the Spanish one). */
export const COMMAND_TABLES: Readonly<Record<string, CommandTable>> = {
  de,
  fr,
  "es-ES": es,
  "es-419": es,
  "pt-BR": ptBr,
};
