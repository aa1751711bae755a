/**
 * `/tag create|edit|delete|list`: staff of any type (or members with Manage
 * Server) keep the guild's saved answers. Creating and editing go through a form
 * (`tag_form.ts`), shown as the first answer, so the text may hold several lines.
 * A form is checked again when submitted: who sends it, and what it holds.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput, ModalInput } from "../interaction.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import { MAX_TAG_LENGTH } from "../model.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { staffTypes } from "../staff_types.ts";
import { editTagForm, NEW_TAG_NAME_LENGTH, newTagForm, TAG_FIELDS } from "../tags/tag_form.ts";
import type { ComponentId } from "../custom_id.ts";
import type { Translator } from "../../i18n/translator.ts";
import { defineSubcommand } from "./define_command.ts";
import { defineModal } from "./define_component.ts";
import { TAG_OPTION } from "./tag_option.ts";

/** The refusal for members who are staff of no type, or null for staff. */
async function staffOnly(input: InteractionInput, ctx: HandlerContext): Promise<Reply | null> {
  const types = await ctx.types.list(input.guildId);
  if (staffTypes(input.member, types, { action: "tag" }).length > 0) return null;
  return refuse("not_staff", readerText(input).t("tags.not_staff"));
}

/** `/tag create`: shows the form. */
export const tagCreate = defineSubcommand({
  name: "create",
  description: "Add a saved answer",
  options: [] as const,
  async handler(input, ctx) {
    const refusal = await staffOnly(input, ctx);
    if (refusal !== null) return refusal;
    return { kind: "modal", modal: newTagForm(readerText(input)) };
  },
});

/** `/tag edit name`: shows the form with the saved answer filled in. */
export const tagEdit = defineSubcommand({
  name: "edit",
  description: "Change a saved answer",
  options: [TAG_OPTION] as const,
  async handler(input, ctx, options) {
    const refusal = await staffOnly(input, ctx);
    if (refusal !== null) return refusal;
    const tr = readerText(input);
    const name = options.name ?? "";
    const tag = await ctx.tags.get(input.guildId, name);
    if (tag === null) return refuse("unknown_tag", tr.t("tags.unknown", { name }));
    const modal = editTagForm(tr, tag);
    if (modal === null) return refuse("invalid_value", tr.t("tags.name_too_long_to_edit"));
    return { kind: "modal", modal };
  },
});

/** `/tag delete name`. */
export const tagDelete = defineSubcommand({
  name: "delete",
  description: "Delete a saved answer",
  options: [TAG_OPTION] as const,
  async handler(input, ctx, options) {
    const refusal = await staffOnly(input, ctx);
    if (refusal !== null) return refusal;
    const tr = readerText(input);
    const name = options.name ?? "";
    const tag = await ctx.tags.get(input.guildId, name);
    if (tag === null || !(await ctx.tags.remove(input.guildId, name))) {
      return refuse("unknown_tag", tr.t("tags.unknown", { name }));
    }
    const user = input.member.user.id;
    await recordAction(ctx, {
      guildId: input.guildId,
      ticketId: null,
      actorId: user,
      action: "tag.delete",
      detail: { name: tag.name },
    }, (await guildText(ctx, input)).t("tags.deleted_audit", { user, name: tag.name }));
    return ephemeral(tr.t("tags.deleted", { name: tag.name }));
  },
});

/** The first line of a text, cut to `max` characters. */
function preview(content: string, max = 80): string {
  const line = content.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}\u2026`;
}

/** Discord's limit on an embed's description, less room for the last line's ellipsis. */
const LIST_LENGTH = 4000;

/** `/tag list`: the names and the start of each text, only to the one who asked. */
export const tagList = defineSubcommand({
  name: "list",
  description: "List the saved answers",
  options: [] as const,
  async handler(input, ctx) {
    const refusal = await staffOnly(input, ctx);
    if (refusal !== null) return refusal;
    const tr = readerText(input);
    const tags = await ctx.tags.list(input.guildId);
    if (tags.length === 0) return ephemeral(tr.t("tags.list_empty"));
    const lines: string[] = [];
    let length = 0;
    for (const tag of tags) {
      const line = tr.t("tags.list_line", { name: tag.name, preview: preview(tag.content) });
      if (length + line.length + 1 > LIST_LENGTH) {
        lines.push("\u2026");
        break;
      }
      lines.push(line);
      length += line.length + 1;
    }
    return ephemeral({
      embeds: [{ title: tr.t("tags.list_title"), description: lines.join("\n") }],
      allowed_mentions: { parse: [] },
    });
  },
});

type TagFormId = Extract<ComponentId, { action: "tag" }>;

/** The tag's name and the form's text, or the refusal that says what to fix. */
function readForm(
  input: ModalInput,
  options: { tr: Translator; id: TagFormId },
): { name: string; content: string } | Reply {
  const { tr, id } = options;
  const name = id.mode === "edit" ? id.name : (input.fields[TAG_FIELDS.name] ?? "").trim();
  const content = (input.fields[TAG_FIELDS.text] ?? "").trim();
  if (name.length === 0 || (id.mode === "new" && name.length > NEW_TAG_NAME_LENGTH)) {
    return refuse("invalid_value", tr.t("tags.name_empty"));
  }
  if (content.length === 0) return refuse("invalid_value", tr.t("tags.content_empty"));
  if (content.length > MAX_TAG_LENGTH) {
    return refuse(
      "invalid_value",
      tr.t("tags.too_long", { length: content.length, max: MAX_TAG_LENGTH }),
    );
  }
  return { name, content };
}

/** The submitted form of `/tag create` or `/tag edit`. */
export const tagFormModal = defineModal({
  action: "tag",
  handler: (input, ctx, id) => handleTagForm(input, ctx, id),
});

/** Saves the submitted form: a new saved answer, or the new text of one. */
export async function handleTagForm(
  input: ModalInput,
  ctx: HandlerContext,
  id: TagFormId,
): Promise<Reply> {
  const refusal = await staffOnly(input, ctx);
  if (refusal !== null) return refusal;
  const tr = readerText(input);
  const { mode } = id;
  const form = readForm(input, { tr, id });
  if ("kind" in form) return form;
  const user = input.member.user.id;
  const result = mode === "new"
    ? await ctx.tags.create({ guildId: input.guildId, ...form, createdBy: user })
    : await ctx.tags.update(input.guildId, form.name, form.content);
  if (result.kind === "name_taken") {
    return refuse("tag_name_taken", tr.t("tags.name_taken", { name: form.name }));
  }
  if (result.kind === "missing") {
    return refuse("unknown_tag", tr.t("tags.unknown", { name: form.name }));
  }
  const name = result.tag.name;
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: null,
      actorId: user,
      action: mode === "new" ? "tag.create" : "tag.edit",
      detail: { name, length: result.tag.content.length },
    },
    (await guildText(ctx, input)).t(
      mode === "new" ? "tags.created_audit" : "tags.edited_audit",
      { user, name },
    ),
  );
  return ephemeral(tr.t(mode === "new" ? "tags.created" : "tags.edited", { name }));
}
