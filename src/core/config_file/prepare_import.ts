/**
 * Everything before an import is applied, shared by `/config import`, its
 * Apply button and `ticketeer config apply`: the file read and checked, the
 * stored configuration read, and the plan made, or every problem found.
 */
import type { GuildId } from "../ids.ts";
import type { TicketTypeId } from "../model.ts";
import type { TicketStore } from "../ports.ts";
import {
  type ConfigReadStores,
  documentOf,
  readConfigState,
  renderConfig,
} from "./export_config.ts";
import type { ConfigState } from "./export_config.ts";
import { parseConfig } from "./parse_config.ts";
import { type ConfigChange, type ConfigNote, type ConfigPlan, planConfig } from "./plan_config.ts";

/** A file ready to apply, or why it cannot be. */
export type PreparedImport =
  | { kind: "invalid"; problems: string[] }
  | {
    kind: "ready";
    guildId: GuildId;
    state: ConfigState;
    /** The stored configuration as exported now. */
    baseline: string;
    changes: ConfigChange[];
    notes: ConfigNote[];
    plan: ConfigPlan;
    openByType: Map<TicketTypeId, number>;
  };

/** Reads `text` against the configuration of `guildId` (null: the guild the file names). */
export async function prepareImport(
  stores: ConfigReadStores & { tickets: Pick<TicketStore, "withStatus"> },
  request: { guildId: GuildId | null; text: string },
): Promise<PreparedImport> {
  const parsed = parseConfig(request.text);
  if ("problems" in parsed) return { kind: "invalid", problems: parsed.problems };
  const guildId = request.guildId ?? (parsed.document.guildId as GuildId);
  const state = await readConfigState(stores, guildId);
  const openByType = new Map<TicketTypeId, number>();
  for (const ticket of await stores.tickets.withStatus(["open", "closing"])) {
    if (ticket.guildId !== guildId) continue;
    openByType.set(ticket.typeId, (openByType.get(ticket.typeId) ?? 0) + 1);
  }
  const planned = planConfig(state, parsed.document, openByType);
  if (planned.kind === "invalid") return planned;
  return {
    kind: "ready",
    guildId,
    state,
    baseline: renderConfig(documentOf(state)),
    changes: planned.changes,
    notes: planned.notes,
    plan: planned.plan,
    openByType,
  };
}
