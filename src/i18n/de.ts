/** Der deutsche Katalog (Anrede "du", wie Discord selbst; siehe glossary/de.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./de/failures.ts";
import { answers } from "./de/answers.ts";
import { notices } from "./de/notices.ts";
import { types } from "./de/types.ts";
import { privacy } from "./de/privacy.ts";
import { feedback } from "./de/feedback.ts";
import { configFile } from "./de/config_file.ts";
import { settings } from "./de/settings.ts";
import { transcripts } from "./de/transcripts.ts";
import { opening } from "./de/opening.ts";
import { work } from "./de/work.ts";
import { tags } from "./de/tags.ts";
import { web } from "./de/web.ts";
import { timers } from "./de/timers.ts";
import { closeReopen } from "./de/close_reopen.ts";
import { threads } from "./de/threads.ts";
import { stats } from "./de/stats.ts";

/** Every German message by key. */
export const DE: Catalog = {
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
