/**
 * A route pattern as tests write it: `"/channels/:id/messages"` (any method),
 * `"POST /channels/:id/messages"`, or a RegExp tested against `"POST /channels/:id/messages"`.
 */
export type RoutePattern = string | RegExp;

/** True when a request (`method`, templated `route`) matches `pattern`; no pattern matches all. */
export function matchesRoute(
  pattern: RoutePattern | undefined,
  method: string,
  route: string,
): boolean {
  if (pattern === undefined) return true;
  if (pattern instanceof RegExp) return pattern.test(`${method} ${route}`);
  const space = pattern.indexOf(" ");
  if (space < 0) return pattern === route;
  return pattern.slice(0, space).toUpperCase() === method && pattern.slice(space + 1) === route;
}

/** Replaces ids (and interaction tokens) in a concrete path by `:id` / `:token`. */
export function templateOf(path: string): string {
  const parts = path.split("/");
  return parts.map((part, index) => {
    if (/^[0-9]{1,20}$/.test(part)) return ":id";
    const previous = parts[index - 1] ?? "";
    const first = parts[1] ?? "";
    if (
      (first === "webhooks" || first === "interactions") && index === 3 &&
      /^[0-9]{1,20}$/.test(previous)
    ) {
      return ":token";
    }
    return part;
  }).join("/");
}

/** The rate-limit bucket of a request: method, route and its major parameter. */
export function bucketKeyOf(method: string, route: string, path: string): string {
  const parts = path.split("/");
  const first = parts[1] ?? "";
  const major = first === "channels" || first === "guilds"
    ? parts[2] ?? ""
    : first === "webhooks" || first === "interactions"
    ? `${parts[2] ?? ""}/${parts[3] ?? ""}`
    : "";
  return `${method} ${route} ${major}`;
}
