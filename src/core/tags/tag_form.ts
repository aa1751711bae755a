/**
 * The form of `/tag create` and `/tag edit`: a name and a paragraph for the text,
 * so a saved answer can hold several lines (a slash command's string option
 * cannot). Editing shows the current name and text filled in.
 */
import { encodeCustomId } from "../custom_id.ts";
import type { ModalBody } from "../message_body.ts";
import { MAX_TAG_LENGTH, type Tag } from "../model.ts";
import type { Translator } from "../../i18n/translator.ts";

/** Longest tag name (the column's width, and Discord's limit on a choice's name). */
export const MAX_TAG_NAME_LENGTH = 100;

const PLACEHOLDERS = { opener: "{opener}", staff: "{staff}", number: "{number}" } as const;

/** The text inputs' `custom_id`s. */
export const TAG_FIELDS = { name: "tag_name", text: "tag_text" } as const;

/** The form for a new saved answer, or for changing `tag`. */
export function tagForm(tr: Translator, tag: Pick<Tag, "name" | "content"> | null): ModalBody {
  return {
    custom_id: encodeCustomId({ action: "tag", mode: tag === null ? "new" : "edit" }),
    title: tr.t(tag === null ? "tags.form_title_new" : "tags.form_title_edit"),
    components: [
      {
        type: 18,
        label: tr.t("tags.form_name"),
        component: {
          type: 4,
          custom_id: TAG_FIELDS.name,
          style: 1,
          min_length: 1,
          max_length: MAX_TAG_NAME_LENGTH,
          required: true,
          ...(tag === null ? {} : { value: tag.name }),
        },
      },
      {
        type: 18,
        label: tr.t("tags.form_content"),
        // The placeholders are written as they are typed, in every language.
        description: tr.t("tags.form_content_hint", PLACEHOLDERS),
        component: {
          type: 4,
          custom_id: TAG_FIELDS.text,
          style: 2,
          min_length: 1,
          max_length: MAX_TAG_LENGTH,
          required: true,
          ...(tag === null ? {} : { value: tag.content }),
        },
      },
    ],
  };
}
