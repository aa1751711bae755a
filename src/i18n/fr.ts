/** Le catalogue français (vouvoiement, comme Discord en français ; voir glossary/fr.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./fr/failures.ts";
import { answers } from "./fr/answers.ts";
import { notices } from "./fr/notices.ts";
import { types } from "./fr/types.ts";
import { privacy } from "./fr/privacy.ts";
import { feedback } from "./fr/feedback.ts";
import { configFile } from "./fr/config_file.ts";
import { settings } from "./fr/settings.ts";
import { transcripts } from "./fr/transcripts.ts";
import { opening } from "./fr/opening.ts";
import { work } from "./fr/work.ts";
import { tags } from "./fr/tags.ts";
import { web } from "./fr/web.ts";
import { timers } from "./fr/timers.ts";
import { closeReopen } from "./fr/close_reopen.ts";
import { threads } from "./fr/threads.ts";
import { stats } from "./fr/stats.ts";

/** Every French message by key. */
export const FR: Catalog = {
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
