/**
 * The guild's configuration file: what it holds and the rules each value
 * follows. A type entry is the type schema's settings plus `default`; a key left
 * out of a type takes the value a new type starts with, so a short entry (just a
 * name) is a whole type. The checks that compare entries with each other (one
 * default, unique names, panels offering types the file declares) are in
 * `documentProblems`, run even when other values are wrong, so a file's every
 * problem is reported at once.
 */
import { z } from "zod";
import { LOCALES } from "../../i18n/locale.ts";
import {
  formatIssue,
  snowflake,
  typePatchSchema,
  typeSettingsSchema,
} from "../types/type_schema.ts";
import { MAX_TAG_LENGTH, MAX_TYPES_PER_GUILD } from "../model.ts";

/** The version of the file's format this build writes and reads. */
export const CONFIG_VERSION = 1;

/** The settings of the guild that are not per type. */
export const guildSectionSchema = z.object({
  logChannelId: snowflake.nullable(),
  transcriptDm: z.boolean(),
  language: z.enum(LOCALES).nullable(),
}).strict();

/** A type entry: every type setting (absent ones take a new type's value) and `default`. */
export const typeEntrySchema = typePatchSchema.extend({
  name: typeSettingsSchema.shape.name,
  default: z.boolean().optional(),
}).strict();

/** A posted panel, known by its message; the types it offers by name, in order. */
export const panelEntrySchema = z.object({
  messageId: snowflake,
  channelId: snowflake,
  title: z.string().min(1, "at least 1 character").max(256, "at most 256 characters"),
  description: z.string().min(1, "at least 1 character").max(4000, "at most 4000 characters"),
  buttonLabel: z.string().min(1, "at least 1 character").max(80, "at most 80 characters"),
  style: z.enum(["buttons", "select"]),
  // Empty only as exported for a panel whose every type was deleted since (see planConfig).
  types: z.array(z.string().min(1, "at least 1 character")).max(25, "at most 25"),
}).strict();

/** Longest tag name: what the store keeps and a slash-command choice holds. */
export const MAX_TAG_NAME = 100;

/** The whole file. */
export const configDocumentSchema = z.object({
  version: z.literal(CONFIG_VERSION, `must be ${CONFIG_VERSION}`),
  guildId: snowflake,
  guild: guildSectionSchema,
  types: z.array(typeEntrySchema).min(1, "at least 1 (the default type)")
    .max(MAX_TYPES_PER_GUILD, `at most ${MAX_TYPES_PER_GUILD}`),
  panels: z.array(panelEntrySchema),
  tags: z.record(
    z.string().trim().min(1, "at least 1 character").max(MAX_TAG_NAME, "at most 100 characters"),
    z.string().min(1, "at least 1 character").max(
      MAX_TAG_LENGTH,
      `at most ${MAX_TAG_LENGTH} characters`,
    ),
  ),
}).strict();

/** A configuration file, read and checked. */
export type ConfigDocument = z.infer<typeof configDocumentSchema>;
/** One entry of `types:`. */
export type TypeEntry = z.infer<typeof typeEntrySchema>;
/** One entry of `panels:`. */
export type PanelEntry = z.infer<typeof panelEntrySchema>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The problems between entries: exactly one default type, type names unique
 * (ignoring case), panels unique by message and offering only declared types,
 * tag names unique (ignoring case).
 * Reads `raw` defensively: values of the wrong shape are the schema's to report.
 */
export function documentProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const types = list(field(raw, "types"));
  const defaults = types.flatMap((t, i) => field(t, "default") === true ? [i] : []);
  if (types.length > 0 && defaults.length !== 1) {
    problems.push(
      defaults.length === 0
        ? "types: mark one type `default: true`"
        : `types: only one type can be the default (${
          defaults.map((i) => `types[${i}]`).join(", ")
        } are)`,
    );
  }
  const names = new Map<string, number>();
  types.forEach((type, i) => {
    const name = field(type, "name");
    if (typeof name !== "string") return;
    const key = name.trim().toLowerCase();
    const first = names.get(key);
    if (first !== undefined) problems.push(`types[${i}].name: "${name}" is also types[${first}]`);
    else names.set(key, i);
  });
  const messages = new Map<string, number>();
  list(field(raw, "panels")).forEach((panel, i) => {
    const messageId = field(panel, "messageId");
    if (typeof messageId === "string") {
      const first = messages.get(messageId);
      if (first !== undefined) {
        problems.push(`panels[${i}].messageId: the same panel as panels[${first}]`);
      } else messages.set(messageId, i);
    }
    const offered = new Map<string, number>();
    list(field(panel, "types")).forEach((name, j) => {
      if (typeof name !== "string") return;
      const key = name.trim().toLowerCase();
      const first = offered.get(key);
      if (!names.has(key)) problems.push(`panels[${i}].types[${j}]: no type "${name}" in types`);
      else if (first !== undefined) {
        problems.push(`panels[${i}].types[${j}]: "${name}" is also types[${first}] of this panel`);
      } else offered.set(key, j);
    });
  });
  const tags = field(raw, "tags");
  if (typeof tags === "object" && tags !== null && !Array.isArray(tags)) {
    const seen = new Map<string, string>();
    for (const name of Object.keys(tags)) {
      const first = seen.get(name.trim().toLowerCase());
      if (first !== undefined) problems.push(`tags.${name}: the same name as tags.${first}`);
      else seen.set(name.trim().toLowerCase(), name);
    }
  }
  return problems;
}

/** Every problem of `raw` as a configuration file, each with its path; empty when it is one. */
export function configProblems(raw: unknown): string[] {
  const result = configDocumentSchema.safeParse(raw);
  const shape = result.success ? [] : result.error.issues.map(formatIssue);
  return [...shape, ...documentProblems(raw)];
}
