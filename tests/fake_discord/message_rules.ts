import { fieldError } from "./http_errors.ts";
import { mergeErrors } from "./validation.ts";

/** Discord's own limits on a message body beyond what the spec schema says. */
export function messageBodyErrors(body: Record<string, unknown>): Record<string, unknown> | null {
  let errors: Record<string, unknown> = {};
  let bad = false;
  const content = body.content;
  if (typeof content === "string" && content.length > 2000) {
    errors = mergeErrors(
      errors,
      fieldError(["content"], "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."),
    );
    bad = true;
  }
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) {
    errors = mergeErrors(
      errors,
      fieldError(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."),
    );
    bad = true;
  }
  if (embedCharacters(embeds) > 6000) {
    errors = mergeErrors(
      errors,
      fieldError(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"),
    );
    bad = true;
  }
  const components = Array.isArray(body.components) ? body.components : [];
  for (const [path, id] of customIds(components, ["components"])) {
    if (id.length < 1 || id.length > 100) {
      errors = mergeErrors(
        errors,
        fieldError(
          [...path, "custom_id"],
          "BASE_TYPE_BAD_LENGTH",
          "Must be between 1 and 100 in length.",
        ),
      );
      bad = true;
    }
  }
  return bad ? errors : null;
}

/** True when a message would have nothing to show (Discord answers 50006). */
export function isEmptyMessage(body: Record<string, unknown>, fileCount: number): boolean {
  const content = typeof body.content === "string" ? body.content : "";
  const embeds = Array.isArray(body.embeds) ? body.embeds.length : 0;
  const components = Array.isArray(body.components) ? body.components.length : 0;
  const stickers = Array.isArray(body.sticker_ids) ? body.sticker_ids.length : 0;
  return content.trim() === "" && embeds === 0 && components === 0 && stickers === 0 &&
    fileCount === 0 && body.poll === undefined;
}

function embedCharacters(embeds: unknown[]): number {
  let total = 0;
  const text = (value: unknown) => typeof value === "string" ? value.length : 0;
  for (const raw of embeds) {
    const embed = (raw ?? {}) as Record<string, unknown>;
    total += text(embed.title) + text(embed.description);
    total += text((embed.footer as Record<string, unknown> | undefined)?.text);
    total += text((embed.author as Record<string, unknown> | undefined)?.name);
    for (const field of Array.isArray(embed.fields) ? embed.fields : []) {
      const f = (field ?? {}) as Record<string, unknown>;
      total += text(f.name) + text(f.value);
    }
  }
  return total;
}

function customIds(
  components: unknown[],
  path: (string | number)[],
): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  components.forEach((raw, index) => {
    const component = (raw ?? {}) as Record<string, unknown>;
    const here = [...path, index];
    if (typeof component.custom_id === "string") out.push([here, component.custom_id]);
    if (Array.isArray(component.components)) {
      out.push(...customIds(component.components, [...here, "components"]));
    }
    if (component.component !== undefined) {
      out.push(...customIds([component.component], [...here, "component"]));
    }
    if (component.accessory !== undefined) {
      out.push(...customIds([component.accessory], [...here, "accessory"]));
    }
  });
  return out;
}

/** Applies Discord's text-channel name rules: lower case, spaces to dashes, 1–100 characters. */
export function textChannelName(name: string): string {
  return name.toLowerCase().trim().replace(/\s+/g, "-").replace(/[^\p{L}\p{N}_-]/gu, "")
    .replace(/-+/g, "-").slice(0, 100);
}
