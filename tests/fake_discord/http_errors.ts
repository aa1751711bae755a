/** Discord's JSON error answer: `{ message, code, errors? }` with the given status. */
export function discordError(
  status: number,
  code: number,
  message: string,
  errors?: Record<string, unknown>,
): Response {
  const body: Record<string, unknown> = { message, code };
  if (errors !== undefined) body.errors = errors;
  return Response.json(body, { status });
}

/** One field error in Discord's nested `errors` shape, e.g. `{ parent_id: { _errors: [...] } }`. */
export function fieldError(
  path: (string | number)[],
  code: string,
  message: string,
): Record<string, unknown> {
  let node: Record<string, unknown> = { _errors: [{ code, message }] };
  for (let i = path.length - 1; i >= 0; i--) node = { [String(path[i])]: node };
  return node;
}

/** 400 code 50035 "Invalid Form Body" with field errors. */
export function invalidFormBody(errors: Record<string, unknown>): Response {
  return discordError(400, 50035, "Invalid Form Body", errors);
}

/** 404 with the Unknown-something code Discord uses for each kind of id. */
export const unknown = {
  channel: () => discordError(404, 10003, "Unknown Channel"),
  guild: () => discordError(404, 10004, "Unknown Guild"),
  member: () => discordError(404, 10007, "Unknown Member"),
  message: () => discordError(404, 10008, "Unknown Message"),
  role: () => discordError(404, 10011, "Unknown Role"),
  user: () => discordError(404, 10013, "Unknown User"),
  webhook: () => discordError(404, 10015, "Unknown Webhook"),
  command: () => discordError(404, 10063, "Unknown application command"),
  interaction: () => discordError(404, 10062, "Unknown interaction"),
};

/** 403 code 50013. */
export const missingPermissions = (): Response => discordError(403, 50013, "Missing Permissions");

/** 403 code 50001. */
export const missingAccess = (): Response => discordError(403, 50001, "Missing Access");
