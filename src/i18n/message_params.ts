/**
 * The parameters of an ICU message, read from its text by the type checker:
 * `{name}` is a string or number, `{count, plural, ...}` and `{n, number}` a number,
 * `{kind, select, ...}` a string, `{when, date}` a Date. Arguments inside plural and
 * select branches count too. Quoting with apostrophes is not modelled: catalogs
 * write the typographic ' instead.
 */

type Trim<S extends string> = S extends ` ${infer R}` | `\n${infer R}` ? Trim<R>
  : S extends `${infer R} ` | `${infer R}\n` ? Trim<R>
  : S;

/** One argument: its name and the type of value it takes. */
type Arg = [string, unknown];

type KindType<K extends string> = K extends "plural" | "selectordinal" | "number" ? number
  : K extends "date" | "time" ? Date
  : K extends "select" ? string
  : string | number;

/** Reads a message up to its end or an unmatched `}`: [arguments, text after the `}`]. */
type Message<S extends string, A extends Arg = never> = S extends `${infer T}{${infer R}`
  ? T extends `${string}}${string}` ? Close<S, A> : Argument<R, A>
  : Close<S, A>;

type Close<S extends string, A extends Arg> = S extends `${string}}${infer R}` ? [A, R] : [A, ""];

/** Reads one argument after its `{`, then the rest of the message. */
type Argument<R extends string, A extends Arg> = R extends `${infer Head}}${infer After}`
  ? Head extends `${infer Name},${infer Rest}`
    ? Rest extends `${infer Kind},${infer Options}`
      ? Trim<Kind> extends "plural" | "select" | "selectordinal"
        ? Branches<`${Options}}${After}`, A | [Trim<Name>, KindType<Trim<Kind>>]>
      : Message<After, A | [Trim<Name>, KindType<Trim<Kind>>]>
    : Message<After, A | [Trim<Name>, KindType<Trim<Rest>>]>
  : Message<After, A | [Trim<Head>, string | number]>
  : [A, ""];

/** Reads `one {...} other {...}}` of a plural or select, then the rest of the message. */
type Branches<S extends string, A extends Arg> = Trim<S> extends `}${infer After}`
  ? Message<After, A>
  : S extends `${string}{${infer Body}`
    ? Message<Body> extends [infer B extends Arg, infer After extends string]
      ? Branches<After, A | B>
    : [A, ""]
  : [A, ""];

/** The arguments of message `S` as an object type (`{}` when it takes none). */
export type MessageParams<S extends string> = Message<S> extends [infer A extends Arg, string]
  ? { [E in A as E[0]]: E[1] }
  : never;
