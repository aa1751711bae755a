/**
 * Images the HTML transcript shows many times (avatars, custom emoji, embed
 * icons) are written once: one CSS rule per image with its `data:` URI as
 * `background-image`, emitted in a `<style>` just before its first use, and a
 * class on every element that shows it. The document's CSP allows `data:`
 * images and inline styles, which covers CSS backgrounds.
 */
import { isSafeImageDataUri } from "./escape.ts";

/** A registry of images written once each, with the classes that show them. */
export interface ImageClasses {
  /** The class showing `uri` under `key` (registering it the first time); null for unsafe URIs. */
  use(key: string, uri: string | undefined): string | null;
  /** The `<style>` holding rules registered since the last call ("" when none). */
  takeStyles(): string;
}

/** A new registry whose classes start with `prefix` (e.g. `img-0`, `img-1`). */
export function imageClasses(prefix = "img"): ImageClasses {
  const classes = new Map<string, string>();
  let pending = "";
  return {
    use(key, uri) {
      const known = classes.get(key);
      if (known !== undefined) return known;
      // The check keeps the URI to base64 characters, so it cannot break out of `url("...")`.
      if (uri === undefined || !isSafeImageDataUri(uri)) return null;
      const name = `${prefix}-${classes.size}`;
      classes.set(key, name);
      pending += `.${name}{background-image:url("${uri}")}`;
      return name;
    },
    takeStyles() {
      if (pending === "") return "";
      const style = `<style>${pending}</style>`;
      pending = "";
      return style;
    },
  };
}
