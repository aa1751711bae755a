/** The arguments a message uses, read by intl-messageformat's own parser: name -> kind. */
import { IntlMessageFormat } from "intl-messageformat";

type Element = {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

/** intl-messageformat's element types that name an argument, by their number. */
const ARGUMENT_KINDS: Record<number, string> = {
  1: "argument",
  2: "number",
  3: "date",
  4: "time",
  5: "select",
  6: "plural",
};

/** Every argument of `message` with its kind, e.g. `{ count: "plural", name: "argument" }`. */
export function messageArguments(message: string, locale: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      const kind = ARGUMENT_KINDS[element.type];
      if (kind !== undefined && typeof element.value === "string") found[element.value] = kind;
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Element[]);
  return found;
}
