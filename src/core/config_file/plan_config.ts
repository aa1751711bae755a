/**
 * What applying a file would change, worked out before anything is written:
 * the changes to show (a short list, each with its path in the file), the plan
 * that makes them, and the problems only the stored configuration reveals (a
 * panel the guild never posted, a removed type that still has open tickets).
 * The default type entry is the guild's default type (its name may change);
 * other entries match the other types by name, ignoring case; a type the file
 * leaves out is deleted. An entry without staff roles has the guild's (those of
 * the default entry, or else of the default type). A posted panel the file leaves out is kept as it is.
 */
import type { ChannelId, MessageId, RoleId } from "../ids.ts";
import {
  defaultTypeSettings,
  type GuildSettingsPatch,
  type Panel,
  type PanelPatch,
  type TicketType,
  type TicketTypeId,
  type TicketTypePatch,
  type TicketTypeSettings,
} from "../model.ts";
import type { ConfigDocument, TypeEntry } from "./config_document.ts";
import type { ConfigState } from "./export_config.ts";
import { TYPE_ENTRY_KEYS } from "./export_config.ts";

/** One change the file makes, as shown before it is applied. */
export type ConfigChange =
  | { kind: "set"; path: string; before: unknown; after: unknown }
  | { kind: "type_added"; name: string }
  | { kind: "type_removed"; name: string }
  | { kind: "tag_added" | "tag_changed" | "tag_removed"; name: string };

/** Something the file does not change that the reader should know. */
export type ConfigNote = { kind: "panel_kept"; channelId: ChannelId; messageId: MessageId };

/** A posted panel's change: its look, and the names of the types it offers (null: same). */
export interface PanelChange {
  panel: Panel;
  patch: Omit<PanelPatch, "typeIds">;
  typeNames: string[] | null;
}

/** The writes that make the file's changes, in the order they are made. */
export interface ConfigPlan {
  guild: GuildSettingsPatch | null;
  removeTypes: TicketType[];
  updateTypes: Array<{ type: TicketType; patch: TicketTypePatch }>;
  createTypes: TicketTypeSettings[];
  panels: PanelChange[];
  tags: { put: Array<{ name: string; content: string; isNew: boolean }>; remove: string[] };
}

/** The outcome of planning: the changes and their plan, or the problems that stop it. */
export type PlannedConfig =
  | { kind: "plan"; changes: ConfigChange[]; notes: ConfigNote[]; plan: ConfigPlan }
  | { kind: "invalid"; problems: string[] };

/** `value` as JSON with object keys sorted, for comparing settings by value. */
function canonical(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) =>
      v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** Whether two settings hold the same value. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The settings an entry declares, with a new type's values for the keys it
 * leaves out; a new type's staff roles are the guild's (`guildStaff`).
 */
export function entrySettings(entry: TypeEntry, guildStaff: readonly RoleId[]): TicketTypeSettings {
  const { default: _default, ...declared } = entry;
  const settings = {
    ...defaultTypeSettings(entry.name),
    staffRoleIds: [...guildStaff],
  } as Record<string, unknown>;
  for (const [key, value] of Object.entries(declared)) {
    if (value !== undefined) settings[key] = value;
  }
  return settings as unknown as TicketTypeSettings;
}

/** Plans `document` against `state`; `openByType` counts each type's open and closing tickets. */
export function planConfig(
  state: ConfigState,
  document: ConfigDocument,
  openByType: ReadonlyMap<TicketTypeId, number>,
): PlannedConfig {
  const problems: string[] = [];
  const changes: ConfigChange[] = [];
  const notes: ConfigNote[] = [];
  if (document.guildId !== state.guildId) {
    problems.push(`guildId: this file is of server ${document.guildId}, not of this one`);
  }

  const guildPatch: GuildSettingsPatch = {};
  for (const key of ["logChannelId", "transcriptDm", "language"] as const) {
    const before = state.settings[key];
    const after = document.guild[key];
    if (!sameValue(before, after)) {
      changes.push({ kind: "set", path: `guild.${key}`, before, after });
      Object.assign(guildPatch, { [key]: after });
    }
  }

  const fallback = state.types.find((t) => t.isDefault) ?? state.types[0];
  const others = new Map(
    state.types.filter((t) => t !== fallback).map((t) => [t.name.toLowerCase(), t]),
  );
  // The guild's staff roles, as the file leaves them: its default entry's, or the stored ones.
  const declaredStaff = document.types.find((entry) => entry.default === true)?.staffRoleIds;
  const guildStaff = (declaredStaff as RoleId[] | undefined) ?? fallback?.staffRoleIds ?? [];
  const matched = new Set<TicketType>();
  const updateTypes: ConfigPlan["updateTypes"] = [];
  const createTypes: TicketTypeSettings[] = [];
  document.types.forEach((entry, i) => {
    const settings = entrySettings(entry, guildStaff);
    const type = entry.default === true ? fallback : others.get(entry.name.trim().toLowerCase());
    if (type === undefined) {
      createTypes.push(settings);
      changes.push({ kind: "type_added", name: settings.name });
      return;
    }
    matched.add(type);
    const patch: Record<string, unknown> = {};
    for (const key of ["name", ...TYPE_ENTRY_KEYS] as const) {
      if (!sameValue(type[key], settings[key])) {
        changes.push({
          kind: "set",
          path: `types[${i}].${key}`,
          before: type[key],
          after: settings[key],
        });
        patch[key] = settings[key];
      }
    }
    if (Object.keys(patch).length > 0) updateTypes.push({ type, patch: patch as TicketTypePatch });
  });
  const removeTypes = state.types.filter((t) => !matched.has(t));
  for (const type of removeTypes) {
    changes.push({ kind: "type_removed", name: type.name });
    const open = openByType.get(type.id) ?? 0;
    if (open > 0) {
      problems.push(
        `types: "${type.name}" is left out, so it would be deleted, but it has ${open} open ticket${
          open === 1 ? "" : "s"
        }; keep it in the file or close them first`,
      );
    }
  }

  const stored = new Map(state.panels.map((p) => [p.messageId as string, p]));
  const inFile = new Set<string>();
  const names = new Map(state.types.map((t) => [t.id, t.name]));
  const panels: PanelChange[] = [];
  document.panels.forEach((entry, i) => {
    inFile.add(entry.messageId);
    const panel = stored.get(entry.messageId);
    if (panel === undefined) {
      problems.push(
        `panels[${i}].messageId: no panel of this server was posted as message ${entry.messageId}; post new panels with /panel create`,
      );
      return;
    }
    if (entry.channelId !== panel.channelId) {
      problems.push(
        `panels[${i}].channelId: a posted panel cannot move (it is in ${panel.channelId}); post a new one with /panel create`,
      );
    }
    const patch: PanelChange["patch"] = {};
    for (const key of ["title", "description", "buttonLabel", "style"] as const) {
      if (panel[key] !== entry[key]) {
        changes.push({
          kind: "set",
          path: `panels[${i}].${key}`,
          before: panel[key],
          after: entry[key],
        });
        Object.assign(patch, { [key]: entry[key] });
      }
    }
    const before = panel.typeIds.flatMap((id) => names.get(id) ?? []);
    const after = entry.types.map((name) => name.trim());
    const sameTypes = before.length === after.length &&
      before.every((name, j) => name.toLowerCase() === after[j]!.toLowerCase());
    if (!sameTypes && after.length === 0) problems.push(`panels[${i}].types: at least 1`);
    else if (!sameTypes) {
      changes.push({ kind: "set", path: `panels[${i}].types`, before, after });
    }
    if (!sameTypes || Object.keys(patch).length > 0) {
      panels.push({ panel, patch, typeNames: sameTypes ? null : after });
    }
  });
  for (const panel of state.panels.filter((p) => !inFile.has(p.messageId))) {
    notes.push({ kind: "panel_kept", channelId: panel.channelId, messageId: panel.messageId });
    const gone = removeTypes.filter((t) => panel.typeIds.includes(t.id));
    for (const type of gone) {
      problems.push(
        `panels: the panel posted as message ${panel.messageId} offers "${type.name}", which the file deletes; add the panel to the file without it, or keep the type`,
      );
    }
  }

  // Tag names are compared without case, as the store keeps them.
  const tags: ConfigPlan["tags"] = { put: [], remove: [] };
  const storedTags = new Map(state.tags.map((t) => [t.name.toLowerCase(), t]));
  const fileTags = new Set<string>();
  for (const [name, content] of Object.entries(document.tags)) {
    fileTags.add(name.toLowerCase());
    const before = storedTags.get(name.toLowerCase());
    if (before?.name === name && before.content === content) continue;
    tags.put.push({ name, content, isNew: before === undefined });
    changes.push({ kind: before === undefined ? "tag_added" : "tag_changed", name });
  }
  for (const [key, tag] of storedTags) {
    if (!fileTags.has(key)) {
      tags.remove.push(tag.name);
      changes.push({ kind: "tag_removed", name: tag.name });
    }
  }

  if (problems.length > 0) return { kind: "invalid", problems };
  return {
    kind: "plan",
    changes,
    notes,
    plan: {
      guild: Object.keys(guildPatch).length > 0 ? guildPatch : null,
      removeTypes,
      updateTypes,
      createTypes,
      panels,
      tags,
    },
  };
}
