/**
 * Applies a planned configuration: every write in one transaction (all or
 * nothing), then what Discord must be told, which no transaction can undo:
 * the staff overwrites of open tickets whose type's staff roles changed (as
 * `/type set` does), and the posted panels whose look or types changed, edited
 * in place (as `/panel edit` does). The command line has no Discord to tell:
 * `discordWork` names what would need it, and the command line refuses it.
 */
import type { Logger } from "@logtape/logtape";
import type { DiscordPort } from "../discord_port.ts";
import type { GuildId, MessageId, UserId } from "../ids.ts";
import type { Panel, TicketType, TicketTypeId } from "../model.ts";
import type { PanelStore, Stores, TicketStore, TransactionStores } from "../ports.ts";
import { editPostedPanel } from "../panels/edit_posted_panel.ts";
import { reapplyStaffOverwrites } from "../types/reapply_staff_overwrites.ts";
import type { ConfigState } from "./export_config.ts";
import type { ConfigPlan } from "./plan_config.ts";

/** The settings of a type that a posted panel shows. */
const PANEL_SHOWN = ["name", "emoji", "description"] as const;

/** The panels to draw again: those the file changes, and those offering a type whose look changes. */
export function panelsToDraw(plan: ConfigPlan, state: Pick<ConfigState, "panels">): Panel[] {
  const changedLook = new Set(
    plan.updateTypes.filter((u) => PANEL_SHOWN.some((key) => key in u.patch)).map((u) => u.type.id),
  );
  const changed = new Set(plan.panels.map((p) => p.panel.id));
  return state.panels.filter((p) =>
    changed.has(p.id) || p.typeIds.some((id) => changedLook.has(id))
  );
}

/** The types whose open tickets need new overwrites. */
function staffChanges(plan: ConfigPlan): Array<{ type: TicketType }> {
  return plan.updateTypes.filter((u) => u.patch.staffRoleIds !== undefined);
}

/** What applying `plan` would ask of Discord, as problems for a caller that cannot reach it. */
export function discordWork(
  plan: ConfigPlan,
  state: Pick<ConfigState, "panels">,
  openByType: ReadonlyMap<TicketTypeId, number>,
): string[] {
  const work = panelsToDraw(plan, state).map((panel) =>
    `panels: the panel posted as message ${panel.messageId} would be edited on Discord; use /config import in the server`
  );
  for (const { type } of staffChanges(plan)) {
    const open = openByType.get(type.id) ?? 0;
    if (open > 0) {
      work.push(
        `types: "${type.name}" has ${open} open ticket${
          open === 1 ? "" : "s"
        } whose permissions follow its staff roles on Discord; use /config import in the server`,
      );
    }
  }
  return work;
}

/** What an apply did beyond the database. */
export interface AppliedConfig {
  /** Open tickets whose overwrites were re-applied. */
  ticketsUpdated: number;
  panelsEdited: number;
  /** Panels whose message is gone from Discord (they stay stored; `/panel delete` forgets them). */
  panelsGone: MessageId[];
}

/** The stores and ports an apply uses. */
export interface ApplyContext {
  atomically: Stores["atomically"];
  types: TransactionStores["types"];
  panels: Pick<PanelStore, "get">;
  tickets: TicketStore;
  log: Logger;
  /** Absent on the command line: only the database changes. */
  discord?: DiscordPort;
}

/** Applies `plan` to `guildId` for `actorId` (null: the command line). */
export async function applyConfig(
  ctx: ApplyContext,
  target: { guildId: GuildId; actorId: UserId | null; plan: ConfigPlan; state: ConfigState },
  options: { changeCount: number },
): Promise<AppliedConfig> {
  const { guildId, plan } = target;
  const updated = await ctx.atomically(async (tx) => {
    if (plan.guild !== null) await tx.settings.updateGuild(guildId, plan.guild);
    for (const type of plan.removeTypes) {
      const removed = await tx.types.remove(type.id);
      if (removed.kind !== "deleted") {
        throw new RangeError(`Cannot delete ticket type "${type.name}": ${removed.kind}`);
      }
    }
    const types: Array<{ before: TicketType; after: TicketType }> = [];
    for (const { type, patch } of plan.updateTypes) {
      types.push({ before: type, after: await tx.types.update(type.id, patch) });
    }
    for (const settings of plan.createTypes) {
      const created = await tx.types.create(guildId, settings);
      if (created.kind !== "created") {
        throw new RangeError(`Cannot create ticket type "${settings.name}": ${created.kind}`);
      }
    }
    const byName = new Map((await tx.types.list(guildId)).map((t) => [t.name.toLowerCase(), t.id]));
    for (const { panel, patch, typeNames } of plan.panels) {
      const typeIds = typeNames?.flatMap((name) => byName.get(name.toLowerCase()) ?? []);
      await tx.panels.update(panel.id, typeIds === undefined ? patch : { ...patch, typeIds });
    }
    for (const name of plan.tags.remove) await tx.tags.remove(guildId, name);
    for (const tag of plan.tags.put) {
      const saved = tag.isNew
        ? await tx.tags.create({
          guildId,
          name: tag.name,
          content: tag.content,
          // From the command line nobody in the guild made it: it is the server's own.
          createdBy: (target.actorId ?? guildId) as string as UserId,
        })
        : await tx.tags.update(guildId, tag.name, tag.content);
      if (saved.kind !== "saved") {
        throw new RangeError(`Cannot save tag "${tag.name}": ${saved.kind}`);
      }
    }
    await tx.audit.record({
      guildId,
      ticketId: null,
      actorId: target.actorId,
      action: "config.import",
      detail: { changes: options.changeCount },
    });
    return types;
  });

  const applied: AppliedConfig = { ticketsUpdated: 0, panelsEdited: 0, panelsGone: [] };
  const discord = ctx.discord;
  if (discord === undefined) return applied;
  for (const { before, after } of updated) {
    if (plan.updateTypes.find((u) => u.type.id === before.id)?.patch.staffRoleIds === undefined) {
      continue;
    }
    applied.ticketsUpdated += await reapplyStaffOverwrites(
      { tickets: ctx.tickets, discord, log: ctx.log },
      { type: after, before: before.staffRoleIds },
    );
  }
  for (const stale of panelsToDraw(plan, target.state)) {
    const panel = await ctx.panels.get(stale.id);
    if (panel === null) continue;
    const drawn = await editPostedPanel({ discord, types: ctx.types }, panel);
    if (drawn.kind === "edited") applied.panelsEdited += 1;
    else if (drawn.kind === "message_gone") applied.panelsGone.push(panel.messageId);
  }
  return applied;
}
