/**
 * The forms of `/tag create` (a name and the text) and `/tag edit` (the text,
 * filled in; the tag's name rides in the form's id, so what the form changes is
 * the tag it was opened for). The text is a paragraph field, so a saved answer
 * can hold several lines, which a slash command's string option cannot.
 */
import { encodeCustomId, tagNameFitsEditForm } from "../custom_id.ts";
import type { ModalBody, TextInput } from "../message_body.ts";
import { MAX_TAG_LENGTH, type Tag } from "../model.ts";
import type { Translator } from "../../i18n/translator.ts";

/** Longest tag name the store keeps (a tag from the configuration file may be this long). */
export const MAX_TAG_NAME_LENGTH = 100;

/** Longest name the create form takes, so that every tag made here fits the edit form's id. */
export const NEW_TAG_NAME_LENGTH = 80;

/** Discord's limit on a modal's title. */
const TITLE_LENGTH = 45;

const PLACEHOLDERS = { opener: "{opener}", staff: "{staff}", number: "{number}" } as const;

/** The text inputs' `custom_id`s. */
export const TAG_FIELDS = { name: "tag_name", text: "tag_text" } as const;

function textField(tr: Translator, value: string | null) {
  const component: TextInput = {
    type: 4,
    custom_id: TAG_FIELDS.text,
    style: 2,
    min_length: 1,
    max_length: MAX_TAG_LENGTH,
    required: true,
    ...(value === null ? {} : { value }),
  };
  return {
    type: 18 as const,
    label: tr.t("tags.form_content"),
    // The placeholders are written as they are typed, in every language.
    description: tr.t("tags.form_content_hint", PLACEHOLDERS),
    component,
  };
}

/** The form for a new saved answer. */
export function newTagForm(tr: Translator): ModalBody {
  return {
    custom_id: encodeCustomId({ action: "tag", mode: "new" }),
    title: tr.t("tags.form_title_new"),
    components: [
      {
        type: 18,
        label: tr.t("tags.form_name"),
        component: {
          type: 4,
          custom_id: TAG_FIELDS.name,
          style: 1,
          min_length: 1,
          max_length: NEW_TAG_NAME_LENGTH,
          required: true,
        },
      },
      textField(tr, null),
    ],
  };
}

/** The form that changes `tag`'s text, or null when its name is too long for the form's id. */
export function editTagForm(tr: Translator, tag: Pick<Tag, "name" | "content">): ModalBody | null {
  if (!tagNameFitsEditForm(tag.name)) return null;
  const title = tr.t("tags.form_title_edit", { name: tag.name });
  return {
    custom_id: encodeCustomId({ action: "tag", mode: "edit", name: tag.name }),
    title: title.length <= TITLE_LENGTH ? title : `${title.slice(0, TITLE_LENGTH - 1)}\u2026`,
    components: [textField(tr, tag.content)],
  };
}
