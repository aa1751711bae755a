/**
 * Reading environment variables the way every configuration here does: blank
 * means unset, and a bad value adds a problem that names the variable instead
 * of throwing, so the operator sees every problem at once.
 */

/** A lookup in `env` that trims values and treats a blank one as unset. */
export function envReader(
  env: Readonly<Record<string, string | undefined>>,
): (name: string) => string | undefined {
  return (name) => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
}

/** `text` as a whole number from `min` to `max`; otherwise adds a problem and returns `min`. */
export function wholeNumber(
  text: string,
  name: string,
  options: { min: number; max: number; problems: string[] },
): number {
  const { min, max, problems } = options;
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
    return min;
  }
  return value;
}

/** `text` when it is an http:// or https:// URL; otherwise adds a problem and returns null. */
export function httpUrl(
  text: string,
  name: string,
  options: { problems: string[] },
): string | null {
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return text;
  } catch {
    // reported below
  }
  options.problems.push(`${name} must be an http:// or https:// URL (got "${text}")`);
  return null;
}
