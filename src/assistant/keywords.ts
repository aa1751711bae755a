/**
 * The words of a question or passage that count for matching: lower case, split
 * on anything but letters and digits, common English words left out, and a light
 * stem so that "passwords" and "password" or "arrived" and "arrive" meet.
 */

const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about after again all am an and any are as at be been before being but by can cannot " +
    "could did do does doing don for from get got had has have having he her here hers him his " +
    "how i if in into is it its just me mine more most my no nor not now of off on once only or " +
    "other our ours out over own please same she should so some such than thank thanks that the " +
    "their them then there these they this those through to too under until up very want was we " +
    "were what when where which while who whom why will with would you your yours hello hi hey " +
    "help need like still"
  ).split(" "),
);

/** The light stem of one lower-case word. */
export function stem(word: string): string {
  for (const suffix of ["ing", "ed", "es", "s", "e"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** The raw words of `text` that count (two or more characters, no stopwords), in order. */
export function keywordsOf(text: string): string[] {
  const words = text.toLowerCase().normalize("NFKC").split(/[^\p{L}\p{N}]+/u);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    result.push(word);
  }
  return result;
}

/** The stems of the words of `text` that count. */
export function stemsOf(text: string): Set<string> {
  return new Set(keywordsOf(text).map(stem));
}
