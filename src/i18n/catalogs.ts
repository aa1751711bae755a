/** Every shipped catalog by language. */
import { EN } from "./en.ts";
import type { Catalog } from "./en.ts";
import { DE } from "./de.ts";
import { FR } from "./fr.ts";
import { ES } from "./es.ts";
import { PT_BR } from "./pt_br.ts";
import type { Locale } from "./locale.ts";

/** The catalog of each shipped language. */
export const CATALOGS: { readonly [L in Locale]: Catalog } = {
  en: EN,
  de: DE,
  fr: FR,
  "es-ES": ES,
  "pt-BR": PT_BR,
};
