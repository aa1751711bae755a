/** O catálogo em português do Brasil (tratamento por "você", como o Discord; ver glossary/pt-BR.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./pt_br/failures.ts";
import { answers } from "./pt_br/answers.ts";
import { notices } from "./pt_br/notices.ts";
import { types } from "./pt_br/types.ts";
import { privacy } from "./pt_br/privacy.ts";
import { feedback } from "./pt_br/feedback.ts";
import { configFile } from "./pt_br/config_file.ts";
import { settings } from "./pt_br/settings.ts";
import { transcripts } from "./pt_br/transcripts.ts";
import { opening } from "./pt_br/opening.ts";
import { work } from "./pt_br/work.ts";
import { tags } from "./pt_br/tags.ts";
import { web } from "./pt_br/web.ts";
import { timers } from "./pt_br/timers.ts";
import { closeReopen } from "./pt_br/close_reopen.ts";
import { threads } from "./pt_br/threads.ts";
import { stats } from "./pt_br/stats.ts";

/** Every Brazilian Portuguese message by key. */
export const PT_BR: Catalog = {
  ...failures,
  ...answers,
  ...notices,
  ...types,
  ...privacy,
  ...feedback,
  ...configFile,
  ...settings,
  ...transcripts,
  ...opening,
  ...work,
  ...tags,
  ...web,
  ...timers,
  ...closeReopen,
  ...threads,
  ...stats,
};
