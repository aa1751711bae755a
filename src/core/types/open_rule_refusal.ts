/**
 * What a person reads when a type's rules (`mayOpen`) refuse a ticket, or only
 * warn about it: a blocked or missing role, or support hours. `whose` tells the
 * member's own open (`self`) from staff opening one for someone (`other`).
 */
import type { UserId } from "../ids.ts";
import type { InteractionInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import { type Refusal, refuse } from "../refusal.ts";
import type { OpenCheck } from "./may_open.ts";
import { relativeTime } from "./limit_refusal.ts";

/** Whose ticket it would be: the reader's own, or the member `user`'s. */
export type Whose = { whose: "self" } | { whose: "other"; user: UserId };

function whoseParams(whose: Whose): { whose: string; user: string } {
  return whose.whose === "self"
    ? { whose: "self", user: "" }
    : { whose: "other", user: whose.user };
}

/** The refusal of `check`, or null when it allows the open (a warning allows it). */
export function openRuleRefusal(
  check: OpenCheck,
  input: Pick<InteractionInput, "locale">,
  whose: Whose,
): Refusal | null {
  const tr = readerText(input);
  switch (check.kind) {
    case "allowed":
    case "warn_outside_hours":
      return null;
    case "blocked_role":
      return refuse(
        "blocked_role",
        tr.t("open.blocked_role", { ...whoseParams(whose), role: check.roleId }),
      );
    case "missing_role":
      return refuse(
        "missing_role",
        tr.t("open.missing_role", {
          ...whoseParams(whose),
          roles: check.roleIds.map((id) => `<@&${id}>`).join(", "),
        }),
      );
    case "outside_hours":
      return refuse(
        "outside_hours",
        tr.t("open.outside_hours", { at: relativeTime(check.backAt) }),
      );
  }
}

/** The line added to the opened answer when staff are out and the type only warns. */
export function openRuleWarning(
  check: OpenCheck,
  input: Pick<InteractionInput, "locale">,
): string | null {
  return check.kind === "warn_outside_hours"
    ? readerText(input).t("open.outside_hours_warn", { at: relativeTime(check.backAt) })
    : null;
}
