/** El catálogo en español de España (tuteo, como Discord en español; ver glossary/es-ES.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./es/failures.ts";
import { answers } from "./es/answers.ts";
import { notices } from "./es/notices.ts";
import { types } from "./es/types.ts";
import { privacy } from "./es/privacy.ts";
import { feedback } from "./es/feedback.ts";
import { configFile } from "./es/config_file.ts";
import { settings } from "./es/settings.ts";
import { transcripts } from "./es/transcripts.ts";
import { opening } from "./es/opening.ts";
import { work } from "./es/work.ts";
import { tags } from "./es/tags.ts";
import { web } from "./es/web.ts";
import { timers } from "./es/timers.ts";
import { closeReopen } from "./es/close_reopen.ts";
import { threads } from "./es/threads.ts";
import { stats } from "./es/stats.ts";

/** Every Spanish message by key. */
export const ES: Catalog = {
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
