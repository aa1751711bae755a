/** A member's name colour: the colour of their highest coloured role, as Discord shows it. */
import type { RoleLabel } from "./types.ts";

/** Discord colour of the highest-positioned role in `roleIds` that has one; null when none. */
export function highestRoleColor(
  roleIds: readonly string[],
  roles: ReadonlyMap<string, RoleLabel>,
): number | null {
  let best: { color: number; position: number } | null = null;
  for (const id of roleIds) {
    const role = roles.get(id);
    if (role === undefined || role.color <= 0) continue;
    const position = role.position ?? 0;
    if (best === null || position > best.position) best = { color: role.color, position };
  }
  return best?.color ?? null;
}
