/** Types shared by the HTML and text transcript renderers. */
import type { Locale } from "../../i18n/locale.ts";

/** A role as mentions show it: name and Discord's integer colour (0 = none). */
export interface RoleLabel {
  name: string;
  color: number;
  /** Discord's position; the highest coloured role of a member colours their name. */
  position?: number;
}

/** Names that mentions resolve to; ids missing from a map render as the raw id. */
export interface MentionNames {
  /** User id -> display name. */
  users: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, RoleLabel>;
  /** Channel id -> channel name (without `#`). */
  channels: ReadonlyMap<string, string>;
}

/** One message to render: Discord's message JSON plus what the live archive knows. */
export interface TranscriptMessage {
  raw: Record<string, unknown>;
  /** Set when the message was deleted before the ticket closed. */
  deletedAt: Date | null;
}

/** A header value: text, or a user shown by name (their id in a title). */
export type DetailValue = string | { userId: string };

/** What the transcript says about itself in its header. */
export interface TranscriptInfo {
  /** E.g. `Ticket #42`. */
  title: string;
  /** Label/value pairs shown under the title (type, opener, times, ...). */
  details: ReadonlyArray<readonly [string, DetailValue]>;
}

/** Everything a renderer needs besides the messages themselves. */
export interface TranscriptOptions {
  info: TranscriptInfo;
  /** The language of labels and dates (the guild's); default English. */
  locale?: Locale;
  /** Names known before rendering; authors and mentioned users are learnt on the way. */
  names?: Partial<MentionNames>;
  /** User id -> `data:` URI of a stored avatar (others get an initial-letter placeholder). */
  avatars?: ReadonlyMap<string, string>;
  /** Attachment id -> `data:` URI of its stored copy, shown inline. */
  images?: ReadonlyMap<string, string>;
  /** Ids of attachments whose copy is stored with the transcript. */
  storedAttachments?: ReadonlySet<string>;
  /** User id -> Discord colour of their name (else learnt from `member.roles` and role colours). */
  authorColors?: ReadonlyMap<string, number>;
  /** Custom emoji id -> `data:` URI of a stored copy (others show as `:name:`). */
  emoji?: ReadonlyMap<string, string>;
  /** Image URL (embed images, thumbnails, icons) -> `data:` URI of a stored copy. */
  remoteImages?: ReadonlyMap<string, string>;
}

/**
 * An incremental renderer: `begin()`, then `render()` page by page, then `end()`.
 * `begin()` may also be called last and put first, so the header can name users
 * met on the way.
 */
export interface TranscriptRenderer {
  begin(): string;
  render(messages: readonly TranscriptMessage[]): string;
  end(): string;
  /** Messages rendered so far. */
  readonly count: number;
}
