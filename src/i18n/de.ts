/** Der deutsche Katalog (Anrede „du“, wie Discord selbst; siehe glossary/de.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./de/failures.ts";
import { answers } from "./de/answers.ts";
import { notices } from "./de/notices.ts";
import { types } from "./de/types.ts";
import { privacy } from "./de/privacy.ts";
import { threads } from "./de/threads.ts";

/** Every German message by key. */
export const DE: Catalog = {
  ...failures,
  ...answers,
  ...notices,
  ...types,
  ...privacy,
  ...threads,
};
