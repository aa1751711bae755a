/**
 * The guild's configuration as the file shows it: read from the stores, in a
 * fixed key order, so exporting twice gives the same bytes and exporting what
 * was just applied gives the file back.
 */
import { Document } from "yaml";
import type { GuildId } from "../ids.ts";
import type { GuildSettings, Panel, TicketType } from "../model.ts";
import type { PanelStore, SettingsStore, TagStore, TypeStore } from "../ports.ts";
import { typeSettingsSchema } from "../types/type_schema.ts";
import { CONFIG_VERSION, type ConfigDocument, type TypeEntry } from "./config_document.ts";

/** What the file is made from: the guild's settings, types, panels and tags as stored. */
export interface ConfigState {
  guildId: GuildId;
  settings: GuildSettings;
  /** The default type first, then by creation. */
  types: TicketType[];
  panels: Panel[];
  tags: Array<{ name: string; content: string }>;
}

/** The stores the file reads. */
export interface ConfigReadStores {
  settings: Pick<SettingsStore, "guild">;
  types: Pick<TypeStore, "defaultFor" | "list">;
  panels: Pick<PanelStore, "list">;
  tags: Pick<TagStore, "list">;
}

/** Reads what the file of `guildId` shows. */
export async function readConfigState(
  stores: ConfigReadStores,
  guildId: GuildId,
): Promise<ConfigState> {
  await stores.types.defaultFor(guildId);
  const tags = await stores.tags.list(guildId);
  return {
    guildId,
    settings: await stores.settings.guild(guildId),
    types: await stores.types.list(guildId),
    panels: await stores.panels.list(guildId),
    tags: tags.map(({ name, content }) => ({ name, content }))
      .sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  };
}

/** The setting keys of a type entry after `name` and `default`, in the schema's order. */
export const TYPE_ENTRY_KEYS = Object.keys(typeSettingsSchema.shape)
  .filter((key) => key !== "name") as Array<Exclude<keyof TypeEntry, "name" | "default">>;

/** A type as its file entry. */
export function typeEntryOf(type: TicketType): TypeEntry {
  const entry: Record<string, unknown> = { name: type.name, default: type.isDefault };
  for (const key of TYPE_ENTRY_KEYS) entry[key] = structuredClone(type[key]);
  return entry as TypeEntry;
}

/** The document of `state`. */
export function documentOf(state: ConfigState): ConfigDocument {
  const names = new Map(state.types.map((t) => [t.id, t.name]));
  return {
    version: CONFIG_VERSION,
    guildId: state.guildId,
    guild: {
      logChannelId: state.settings.logChannelId,
      transcriptDm: state.settings.transcriptDm,
      language: state.settings.language,
    },
    types: state.types.map(typeEntryOf),
    panels: state.panels.map((panel) => ({
      messageId: panel.messageId,
      channelId: panel.channelId,
      title: panel.title,
      description: panel.description,
      buttonLabel: panel.buttonLabel,
      style: panel.style,
      types: panel.typeIds.flatMap((id) => names.get(id) ?? []),
    })),
    tags: Object.fromEntries(state.tags.map((tag) => [tag.name, tag.content])),
  };
}

const HEADER = [
  " ticketeer configuration of one Discord server: its settings, ticket types,",
  " posted panels and tags. Change it, then load it with /config import (or",
  " `ticketeer config apply FILE`): you see what would change before it is applied.",
  ' Every key is described in README.md, section "Configuration file". Ids are',
  " Discord ids (quoted); types are known by name, panels by their message.",
].join("\n");

/** The file's text for `document`: a comment saying what it is, then the keys in order. */
export function renderConfig(document: ConfigDocument): string {
  const yaml = new Document(document);
  yaml.commentBefore = HEADER;
  return yaml.toString({ lineWidth: 0 });
}
