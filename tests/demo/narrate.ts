/**
 * Turns Discord messages from the fake Discord's state into the plain text a person
 * would read in their client: mentions shown as names, embeds as boxed fields,
 * buttons in brackets, attachments with their size.
 */
import type { FakeState } from "../fake_discord/state.ts";
import type { FakeAttachment } from "../fake_discord/types.ts";

/** A message body as Discord stores or receives it (content, embeds, buttons, files). */
export interface MessageLike {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  attachments?: readonly FakeAttachment[];
}

interface EmbedLike {
  title?: unknown;
  description?: unknown;
  fields?: Array<{ name?: unknown; value?: unknown }>;
  footer?: { text?: unknown };
}

interface ComponentLike {
  type?: unknown;
  label?: unknown;
  emoji?: { name?: unknown };
  components?: ComponentLike[];
}

/** A byte count the way a file list shows it (`812 B`, `14.2 KB`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Renders messages of one guild's world as plain, indented text. */
export class Narrator {
  readonly #state: FakeState;

  constructor(state: FakeState) {
    this.#state = state;
  }

  /** A user's name as members see it. */
  userName(id: string): string {
    const user = this.#state.users.get(id);
    return user?.global_name ?? user?.username ?? `unknown user ${id}`;
  }

  /** A channel as Discord shows it: `#name`, or `📁 Name` for a category. */
  channelName(id: string): string {
    const channel = this.#state.channels.get(id);
    if (channel === undefined) return "#deleted-channel";
    return channel.type === 4 ? `📁 ${channel.name ?? "?"}` : `#${channel.name ?? "?"}`;
  }

  /** A role as Discord shows it: `@name`. */
  roleName(id: string): string {
    const role = this.#state.roles.get(id);
    return role === undefined
      ? "@deleted-role"
      : role.name.startsWith("@")
      ? role.name
      : `@${role.name}`;
  }

  /** Text with `<@id>`, `<#id>` and `<@&id>` replaced by names. */
  text(raw: string): string {
    return raw
      .replace(/<@&(\d+)>/g, (_, id: string) => this.roleName(id))
      .replace(/<@!?(\d+)>/g, (_, id: string) => `@${this.userName(id)}`)
      .replace(/<#(\d+)>/g, (_, id: string) => this.channelName(id))
      .replace(
        /<t:(\d+)(?::[a-zA-Z])?>/g,
        (_, s: string) =>
          new Date(Number(s) * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC",
      );
  }

  /** The lines of a message body, each prefixed with `indent`. */
  body(message: MessageLike, indent: string): string[] {
    const lines: string[] = [];
    if (typeof message.content === "string" && message.content !== "") {
      for (const line of this.text(message.content).split("\n")) lines.push(`${indent}${line}`);
    }
    const embeds = Array.isArray(message.embeds) ? (message.embeds as EmbedLike[]) : [];
    for (const embed of embeds) lines.push(...this.#embed(embed, indent));
    const components = Array.isArray(message.components)
      ? (message.components as ComponentLike[])
      : [];
    const buttons = components.flatMap((row) => row.components ?? [])
      .filter((c) => c.type === 2)
      .map((c) => {
        const emoji = typeof c.emoji?.name === "string" ? `${c.emoji.name} ` : "";
        return `[ ${emoji}${String(c.label ?? "button")} ]`;
      });
    if (buttons.length > 0) lines.push(`${indent}${buttons.join(" ")}`);
    for (const file of message.attachments ?? []) {
      lines.push(`${indent}📎 ${file.filename} (${formatBytes(file.size)})`);
    }
    return lines;
  }

  #embed(embed: EmbedLike, indent: string): string[] {
    const lines: string[] = [];
    const inner = `${indent}│ `;
    if (typeof embed.title === "string") lines.push(`${inner}${this.text(embed.title)}`);
    if (typeof embed.description === "string") {
      for (const line of this.text(embed.description).split("\n")) lines.push(`${inner}${line}`);
    }
    for (const field of embed.fields ?? []) {
      const value = this.text(String(field.value ?? "")).replace(/```\n?/g, "");
      const [first, ...rest] = value.split("\n");
      lines.push(`${inner}${String(field.name ?? "")}: ${first ?? ""}`);
      for (const line of rest) lines.push(`${inner}  ${line}`);
    }
    if (typeof embed.footer?.text === "string") {
      lines.push(`${inner}${this.text(embed.footer.text)}`);
    }
    return lines;
  }
}
