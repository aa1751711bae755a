/** Le catalogue français (vouvoiement, comme Discord en français ; voir glossary/fr.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./fr/failures.ts";
import { answers } from "./fr/answers.ts";
import { notices } from "./fr/notices.ts";
import { types } from "./fr/types.ts";
import { privacy } from "./fr/privacy.ts";
import { threads } from "./fr/threads.ts";

/** Every French message by key. */
export const FR: Catalog = {
  ...failures,
  ...answers,
  ...notices,
  ...types,
  ...privacy,
  ...threads,
};
