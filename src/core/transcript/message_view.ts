/**
 * A typed, defensive reading of Discord's message JSON: the renderers never touch
 * the raw object, and a field of the wrong type reads as absent instead of throwing.
 */
import { snowflakeTime } from "../ids.ts";
import { componentText } from "./component_text.ts";

/** A message author as the transcript shows them. */
export interface AuthorView {
  id: string;
  username: string;
  /** Server nickname, else global name, else username. */
  displayName: string;
  bot: boolean;
}

/** An attachment as Discord describes it (its URL expires). */
export interface AttachmentView {
  id: string;
  filename: string;
  size: number;
  url: string;
  contentType: string | null;
}

/** The parts of an embed the transcript shows. */
export interface EmbedView {
  title: string | null;
  url: string | null;
  description: string | null;
  color: number | null;
  authorName: string | null;
  authorIconUrl: string | null;
  footerText: string | null;
  footerIconUrl: string | null;
  timestamp: Date | null;
  fields: Array<{ name: string; value: string; inline: boolean }>;
  imageUrl: string | null;
  thumbnailUrl: string | null;
}

/** The message a reply points at: known, deleted, or unknown. */
export type ReferenceView =
  | { kind: "message"; messageId: string | null; author: AuthorView | null; content: string }
  | { kind: "deleted" };

/** A forwarded message's copy (`message_snapshots`). */
export interface SnapshotView {
  content: string;
  timestamp: Date | null;
  attachments: AttachmentView[];
  embeds: EmbedView[];
  /** Text Display contents when the forwarded message is Components V2. */
  componentText: string[];
}

/** Who ran the command a message answers (`interaction_metadata`). */
export interface InteractionView {
  user: AuthorView | null;
  /** The command's name (with subcommands) for slash commands; null for other interactions. */
  command: string | null;
}

/** A message, read defensively from Discord's JSON. */
export interface MessageView {
  id: string;
  type: number;
  author: AuthorView;
  content: string;
  timestamp: Date;
  editedAt: Date | null;
  attachments: AttachmentView[];
  embeds: EmbedView[];
  stickers: string[];
  reactions: Array<{ emoji: string; count: number }>;
  reference: ReferenceView | null;
  mentions: AuthorView[];
  /** The author's role ids, when the message carries its `member`. */
  roleIds: string[];
  snapshots: SnapshotView[];
  /** Text Display contents of a Components V2 message. */
  componentText: string[];
  interaction: InteractionView | null;
}

/** Longest content kept per message; Discord allows 4,000 characters. */
const MAX_CONTENT = 20_000;

type Json = Record<string, unknown>;

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as Json
    : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function date(value: unknown): Date | null {
  const text = str(value);
  if (text === null) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function readAuthor(user: unknown, member: unknown): AuthorView | null {
  const u = obj(user);
  if (u === null) return null;
  const id = str(u.id) ?? "0";
  const username = str(u.username) ?? "unknown";
  const nick = str(obj(member)?.nick) ?? str(obj(u.member)?.nick);
  const displayName =
    [nick, str(u.global_name), username].find((name) => name !== null && name.trim() !== "") ??
      username;
  return { id, username, displayName, bot: u.bot === true };
}

function readEmbed(value: unknown): EmbedView | null {
  const e = obj(value);
  if (e === null) return null;
  return {
    title: str(e.title),
    url: str(e.url),
    description: str(e.description),
    color: num(e.color),
    authorName: str(obj(e.author)?.name),
    authorIconUrl: str(obj(e.author)?.icon_url),
    footerText: str(obj(e.footer)?.text),
    footerIconUrl: str(obj(e.footer)?.icon_url),
    timestamp: date(e.timestamp),
    fields: list(e.fields).flatMap((field) => {
      const f = obj(field);
      if (f === null) return [];
      return [{ name: str(f.name) ?? "", value: str(f.value) ?? "", inline: f.inline === true }];
    }),
    imageUrl: str(obj(e.image)?.url),
    thumbnailUrl: str(obj(e.thumbnail)?.url),
  };
}

function readAttachment(value: unknown): AttachmentView | null {
  const a = obj(value);
  if (a === null) return null;
  const id = str(a.id);
  if (id === null) return null;
  return {
    id,
    filename: str(a.filename) ?? "file",
    size: num(a.size) ?? 0,
    url: str(a.url) ?? "",
    contentType: str(a.content_type),
  };
}

function emojiLabel(value: unknown): string {
  const e = obj(value);
  const name = str(e?.name) ?? "?";
  return str(e?.id) === null ? name : `:${name}:`;
}

function readReference(raw: Json): ReferenceView | null {
  const ref = obj(raw.message_reference);
  // Type 19 is a reply; forwards and other reference kinds are shown as plain messages.
  if (ref === null || num(raw.type) !== 19) return null;
  const referenced = raw.referenced_message;
  if (referenced === null || referenced === undefined) return { kind: "deleted" };
  const r = obj(referenced);
  if (r === null) return { kind: "deleted" };
  return {
    kind: "message",
    messageId: str(r.id) ?? str(ref.message_id),
    author: readAuthor(r.author, r.member),
    content: (str(r.content) ?? "").slice(0, MAX_CONTENT),
  };
}

function readSnapshot(value: unknown): SnapshotView | null {
  const m = obj(obj(value)?.message);
  if (m === null) return null;
  return {
    content: (str(m.content) ?? "").slice(0, MAX_CONTENT),
    timestamp: date(m.timestamp),
    attachments: readAttachments(m),
    embeds: list(m.embeds).flatMap((e) => readEmbed(e) ?? []),
    componentText: componentText(num(m.flags) ?? 0, m.components),
  };
}

function readInteraction(raw: Json): InteractionView | null {
  const metadata = obj(raw.interaction_metadata);
  const legacy = obj(raw.interaction);
  const source = metadata ?? legacy;
  if (source === null) return null;
  // Type 2 is a slash or context-menu command; its name sits in either field.
  const command = num(source.type) === 2 ? str(metadata?.name) ?? str(legacy?.name) : null;
  return { user: readAuthor(source.user ?? legacy?.user, null), command };
}

/** The attachments of a Discord message (those without an id are left out). */
export function readAttachments(raw: Record<string, unknown>): AttachmentView[] {
  return list(raw.attachments).flatMap((a) => readAttachment(a) ?? []);
}

/** Reads the parts of a Discord message the transcript shows. */
export function readMessage(raw: Record<string, unknown>): MessageView {
  const id = str(raw.id) ?? "0";
  return {
    id,
    type: num(raw.type) ?? 0,
    author: readAuthor(raw.author, raw.member) ??
      { id: "0", username: "unknown", displayName: "Unknown user", bot: false },
    content: (str(raw.content) ?? "").slice(0, MAX_CONTENT),
    timestamp: date(raw.timestamp) ?? snowflakeTime(id),
    editedAt: date(raw.edited_timestamp),
    attachments: readAttachments(raw),
    embeds: list(raw.embeds).flatMap((e) => readEmbed(e) ?? []),
    stickers: list(raw.sticker_items).flatMap((s) => str(obj(s)?.name) ?? []),
    reactions: list(raw.reactions).flatMap((r) => {
      const reaction = obj(r);
      if (reaction === null) return [];
      return [{ emoji: emojiLabel(reaction.emoji), count: num(reaction.count) ?? 1 }];
    }),
    reference: readReference(raw),
    mentions: list(raw.mentions).flatMap((m) => readAuthor(m, obj(m)?.member) ?? []),
    roleIds: list(obj(raw.member)?.roles).flatMap((id) => str(id) ?? []),
    snapshots: list(raw.message_snapshots).flatMap((s) => readSnapshot(s) ?? []),
    componentText: componentText(num(raw.flags) ?? 0, raw.components),
    interaction: readInteraction(raw),
  };
}

/**
 * Remembers the display names a message reveals (its author and the users it
 * mentions) for resolving later mentions, and returns the author's name.
 */
export function rememberNames(users: Map<string, string>, message: MessageView): string {
  if (!users.has(message.author.id)) users.set(message.author.id, message.author.displayName);
  for (const mentioned of message.mentions) {
    if (!users.has(mentioned.id)) users.set(mentioned.id, mentioned.displayName);
  }
  return users.get(message.author.id) ?? message.author.displayName;
}
