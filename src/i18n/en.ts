/** The English catalog: the source of truth every other language follows key for key. */
import { failures } from "./en/failures.ts";
import { answers } from "./en/answers.ts";
import { notices } from "./en/notices.ts";
import { types } from "./en/types.ts";
import { privacy } from "./en/privacy.ts";
import { feedback } from "./en/feedback.ts";
import { configFile } from "./en/config_file.ts";
import { settings } from "./en/settings.ts";
import { transcripts } from "./en/transcripts.ts";
import { opening } from "./en/opening.ts";
import { work } from "./en/work.ts";
import { tags } from "./en/tags.ts";
import { web } from "./en/web.ts";
import { timers } from "./en/timers.ts";
import { closeReopen } from "./en/close_reopen.ts";
import { threads } from "./en/threads.ts";
import { stats } from "./en/stats.ts";

/** Every English message by key. */
export const EN = {
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
} as const;

/** A message key of the catalog. */
export type MessageKey = keyof typeof EN;

/** A catalog of another language: every English key, each message with the same arguments. */
export type Catalog = { readonly [K in MessageKey]: string };
