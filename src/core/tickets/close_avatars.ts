/**
 * Avatars for a transcript: a small copy of each author's avatar, embedded as a
 * data URI; a failed download leaves the initial letter.
 */
import type { Logger } from "@logtape/logtape";
import type { DiscordPort } from "../discord_port.ts";
import { imageDataUri } from "../transcript/image_data_uri.ts";

const AVATAR_CDN = "https://cdn.discordapp.com/avatars";
const MAX_AVATARS = 50;
const MAX_AVATAR_BYTES = 64 * 1024;

/** Collects avatars as messages go by; `avatars` maps user id to data URI. */
export interface AvatarKeeper {
  readonly avatars: Map<string, string>;
  /** Downloads the author's avatar of message `raw` once per author (at most 50 authors). */
  keep(raw: Record<string, unknown>): Promise<void>;
}

/** An avatar keeper downloading through `discord`; `number` names the ticket in log lines. */
export function createAvatarKeeper(
  discord: Pick<DiscordPort, "download">,
  options: { log: Logger; number: number },
): AvatarKeeper {
  const avatars = new Map<string, string>();
  const tried = new Set<string>();
  return {
    avatars,
    async keep(raw) {
      const author = raw.author as Record<string, unknown> | undefined;
      const id = author?.id;
      const hash = author?.avatar;
      if (typeof id !== "string" || tried.has(id) || tried.size >= MAX_AVATARS) return;
      tried.add(id);
      if (typeof hash !== "string" || !/^(a_)?[0-9a-f]{32}$/.test(hash)) return;
      try {
        const data = await discord.download(
          `${AVATAR_CDN}/${id}/${hash}.png?size=64`,
          MAX_AVATAR_BYTES,
        );
        const uri = data === null ? null : imageDataUri(data);
        if (uri !== null) avatars.set(id, uri);
      } catch (error) {
        options.log.debug("Transcript of ticket {number}: no avatar for {id}: {error}", {
          number: options.number,
          id,
          error,
        });
      }
    },
  };
}
