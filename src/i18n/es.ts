/** El catálogo en español de España (tuteo, como Discord en español; ver glossary/es-ES.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./es/failures.ts";
import { answers } from "./es/answers.ts";
import { notices } from "./es/notices.ts";
import { types } from "./es/types.ts";
import { privacy } from "./es/privacy.ts";
import { threads } from "./es/threads.ts";

/** Every Spanish message by key. */
export const ES: Catalog = {
  ...failures,
  ...answers,
  ...notices,
  ...types,
  ...privacy,
  ...threads,
};
