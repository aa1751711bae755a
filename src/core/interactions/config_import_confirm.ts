/**
 * The buttons under a `/config import` preview. Apply (only the member who
 * asked, still holding Manage Server) reads the kept file again, refuses when
 * the configuration changed since the preview, and applies it in one
 * transaction; Cancel forgets it. Either way the file is no longer kept.
 */
import { allowed } from "../access.ts";
import { announceAction } from "../audit_log.ts";
import type { HandlerContext } from "../context.ts";
import { clearPendingImport, pendingImport } from "../config_file/pending_import.ts";
import type { ComponentInput } from "../interaction.ts";
import { guildText, readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { defineButton } from "./define_component.ts";

/** Apply on the preview. */
export const configImportApply = defineButton({
  action: "cfgok",
  handler: (input, ctx, id) => handleImportApply(input, ctx, id.importId),
});

/** Cancel on the preview. */
export const configImportCancel = defineButton({
  action: "cfgno",
  handler: (input, ctx, id) => handleImportCancel(input, ctx, id.importId),
});

type Pending = NonNullable<Awaited<ReturnType<typeof pendingImport>>>;

/** The kept file of `importId` when the one pressing may act on it, else the refusal. */
async function askersFile(
  input: ComponentInput,
  ctx: HandlerContext,
  importId: string,
): Promise<Pending | Reply> {
  const tr = readerText(input);
  if (!allowed("config", input.member)) return refuse("not_admin", tr.t("config_file.not_admin"));
  const pending = await pendingImport(ctx.settings, input.guildId, importId);
  if (pending === null) return refuse("invalid_value", tr.t("config_file.not_pending"));
  if (pending.askerId !== input.member.user.id) {
    return refuse("not_allowed", tr.t("config_file.not_asker"));
  }
  return pending;
}

/** Handles Apply. */
export async function handleImportApply(
  input: ComponentInput,
  ctx: HandlerContext,
  importId: string,
): Promise<Reply> {
  const tr = readerText(input);
  const pending = await askersFile(input, ctx, importId);
  if ("kind" in pending) return pending;
  const actorId = input.member.user.id;
  await ctx.defer({ ephemeral: true });
  // The file's code (YAML and its rules) is loaded when a file is applied.
  const [{ prepareImport }, { applyConfig }] = await Promise.all([
    import("../config_file/prepare_import.ts"),
    import("../config_file/apply_config.ts"),
  ]);
  const prepared = await prepareImport(ctx, { guildId: input.guildId, text: pending.text });
  if (prepared.kind === "invalid" || prepared.baseline !== pending.baseline) {
    await clearPendingImport(ctx.settings, input.guildId);
    return refuse("invalid_value", tr.t("config_file.changed_since"));
  }
  const count = prepared.changes.length;
  const applied = await applyConfig(ctx, {
    guildId: input.guildId,
    actorId,
    plan: prepared.plan,
    state: prepared.state,
  }, { changeCount: count });
  await clearPendingImport(ctx.settings, input.guildId);
  const guild = await guildText(ctx, input);
  await announceAction(ctx, {
    guildId: input.guildId,
    ticketId: null,
    actorId,
    action: "config.import",
    detail: { changes: count },
  }, guild.t("config_file.audit", { user: actorId, count }));
  const said = tr.t("config_file.applied", {
    count,
    tickets: applied.ticketsUpdated,
    panels: applied.panelsEdited,
  });
  const gone = applied.panelsGone.length === 0
    ? ""
    : `\n${tr.t("config_file.panels_gone", { count: applied.panelsGone.length })}`;
  return ephemeral({ content: said + gone, allowed_mentions: { parse: [] } });
}

/** Handles Cancel: forgets the file and replaces the preview. */
export async function handleImportCancel(
  input: ComponentInput,
  ctx: HandlerContext,
  importId: string,
): Promise<Reply> {
  const tr = readerText(input);
  const pending = await askersFile(input, ctx, importId);
  if ("kind" in pending) return pending;
  await clearPendingImport(ctx.settings, input.guildId);
  return { kind: "update", body: { content: tr.t("config_file.cancelled"), components: [] } };
}
