/** O catálogo em português do Brasil (tratamento por “você”, como o Discord; ver glossary/pt-BR.md). */
import type { Catalog } from "./en.ts";
import { failures } from "./pt_br/failures.ts";
import { answers } from "./pt_br/answers.ts";
import { notices } from "./pt_br/notices.ts";
import { types } from "./pt_br/types.ts";
import { privacy } from "./pt_br/privacy.ts";
import { threads } from "./pt_br/threads.ts";

/** Every Brazilian Portuguese message by key. */
export const PT_BR: Catalog = {
  ...failures,
  ...answers,
  ...notices,
  ...types,
  ...privacy,
  ...threads,
};
