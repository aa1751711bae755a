/**
 * An import waiting for its Apply button: the file as uploaded, who asked, and
 * the exported configuration it was compared with, kept in the database (one
 * per guild, the latest wins) so any process may answer the button. Apply
 * refuses when the configuration changed since the preview.
 */
import type { GuildId, UserId } from "../ids.ts";
import type { SettingsStore } from "../ports.ts";

/** A previewed import. */
export interface PendingImport {
  /** The id of the interaction that previewed it (the buttons carry it). */
  id: string;
  askerId: UserId;
  /** The uploaded file. */
  text: string;
  /** The configuration as exported when the preview was made. */
  baseline: string;
}

const key = (guildId: GuildId) => `config_import:${guildId}`;

/** Keeps `pending` as the guild's import waiting for confirmation. */
export async function savePendingImport(
  settings: Pick<SettingsStore, "setMeta">,
  guildId: GuildId,
  pending: PendingImport,
): Promise<void> {
  await settings.setMeta(key(guildId), JSON.stringify(pending));
}

/** The guild's import waiting under `id`, or null when none is (applied, cancelled, replaced). */
export async function pendingImport(
  settings: Pick<SettingsStore, "meta">,
  guildId: GuildId,
  id: string,
): Promise<PendingImport | null> {
  const raw = await settings.meta(key(guildId));
  if (raw === null || raw === "") return null;
  try {
    const pending = JSON.parse(raw) as PendingImport;
    return pending.id === id ? pending : null;
  } catch {
    return null;
  }
}

/** Forgets the guild's waiting import. */
export async function clearPendingImport(
  settings: Pick<SettingsStore, "setMeta">,
  guildId: GuildId,
): Promise<void> {
  await settings.setMeta(key(guildId), "");
}
