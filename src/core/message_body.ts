/**
 * Outgoing message bodies in Discord's own JSON shape (snake_case), so the shell
 * passes them to REST or returns them as an interaction response unchanged.
 */

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  footer?: { text: string };
  author?: { name: string; icon_url?: string };
  thumbnail?: { url: string };
  fields?: EmbedField[];
}

/** Button styles: 1 primary, 2 secondary, 3 success, 4 danger, 5 link. */
export interface Button {
  type: 2;
  style: 1 | 2 | 3 | 4;
  label: string;
  custom_id: string;
  emoji?: { name: string };
  disabled?: boolean;
}

export interface LinkButton {
  type: 2;
  style: 5;
  label: string;
  url: string;
}

/** A string select menu (type 3): up to 25 options, the chosen values come back. */
export interface StringSelect {
  type: 3;
  custom_id: string;
  placeholder?: string;
  options: Array<{ label: string; value: string; description?: string; emoji?: { name: string } }>;
}

export interface TextInput {
  type: 4;
  custom_id: string;
  /** 1 short, 2 paragraph. */
  style: 1 | 2;
  min_length?: number;
  max_length?: number;
  required?: boolean;
  placeholder?: string;
  value?: string;
}

/** A modal's labelled field (type 18): the label Discord shows above one input. */
export interface Label {
  type: 18;
  /** At most 45 characters. */
  label: string;
  /** At most 100 characters, shown under the label. */
  description?: string;
  component: TextInput | ModalStringSelect;
}

/** A string select inside a modal's Label (type 3): its chosen values come back in `values`. */
export interface ModalStringSelect {
  type: 3;
  custom_id: string;
  placeholder?: string;
  /** 2-25 options. */
  options: Array<{ label: string; value: string }>;
  min_values: number;
  max_values: number;
  required: boolean;
}

export interface ActionRow<C = Button | LinkButton> {
  type: 1;
  components: C[];
}

export interface AllowedMentions {
  parse?: Array<"users" | "roles" | "everyone">;
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

/** A file uploaded with a message (multipart `files[n]`). */
export interface FileUpload {
  name: string;
  data: Uint8Array;
  contentType?: string;
}

/** A message the bot sends or edits. */
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: Array<ActionRow<Button | LinkButton> | ActionRow<StringSelect>>;
  allowed_mentions?: AllowedMentions;
  files?: FileUpload[];
  /** Channel messages only: up to 25 characters; with `enforce_nonce`, a repeat returns the first. */
  nonce?: string;
  /** Channel messages only: a nonce used in the last few minutes returns that message, unsent. */
  enforce_nonce?: boolean;
}

/** A modal the bot shows in answer to a command or button. */
export interface ModalBody {
  custom_id: string;
  title: string;
  components: Label[];
}
