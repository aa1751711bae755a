import * as spec from "discord-api-spec/zod";
import * as z from "zod/mini";
import { fieldError } from "./http_errors.ts";

/** The part of a zod schema the validator uses (zod mini's `safeParse`). */
interface Schema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; code: string; message: string }[] };
  };
}

const arrayOf = (item: Schema): Schema => ({
  safeParse(value: unknown) {
    if (!Array.isArray(value)) {
      return {
        success: false,
        error: { issues: [{ path: [], code: "invalid_type", message: "Expected an array" }] },
      };
    }
    const issues: { path: PropertyKey[]; code: string; message: string }[] = [];
    value.forEach((entry, index) => {
      const result = item.safeParse(entry);
      for (const issue of result.error?.issues ?? []) {
        issues.push({ ...issue, path: [index, ...issue.path] });
      }
    });
    return issues.length === 0 ? { success: true } : { success: false, error: { issues } };
  },
});

/** A body either schema accepts (the first one's issues otherwise). */
const eitherOf = (first: Schema, second: Schema): Schema => ({
  safeParse(value: unknown) {
    const one = first.safeParse(value);
    return one.success || second.safeParse(value).success ? { success: true } : one;
  },
});

/** Interaction callbacks: the schema depends on `type`. */
const interactionCallback: Schema = {
  safeParse(value: unknown) {
    const type = (value as { type?: unknown } | null)?.type;
    const schema: Schema | undefined = type === 1
      ? spec.PongInteractionCallbackRequestSchema
      : type === 4 || type === 5
      ? spec.CreateMessageInteractionCallbackRequestSchema
      : type === 6 || type === 7
      ? spec.UpdateMessageInteractionCallbackRequestSchema
      : type === 8
      ? spec.ApplicationCommandAutocompleteCallbackRequestSchema
      : type === 9
      ? spec.ModalInteractionCallbackRequestSchema
      : undefined;
    if (schema === undefined) {
      return {
        success: false,
        error: {
          issues: [{
            path: ["type"],
            code: "invalid_enum",
            message: `Unknown callback type ${type}`,
          }],
        },
      };
    }
    return schema.safeParse(value);
  },
};

/**
 * Request-body schemas by `METHOD spec-path`, from Discord's OpenAPI spec.
 * Routes missing here take no body (or one the fake does not check).
 */
const SCHEMAS: Record<string, Schema> = {
  "POST /channels/{channel_id}/messages": spec.MessageCreateRequestSchema,
  "PATCH /channels/{channel_id}/messages/{message_id}": spec.MessageEditRequestPartialSchema,
  "POST /guilds/{guild_id}/channels": spec.CreateGuildChannelRequestSchema,
  // One route edits channels and threads alike: the body must fit one of the two.
  "PATCH /channels/{channel_id}": eitherOf(
    spec.UpdateGuildChannelRequestPartialSchema,
    spec.UpdateThreadRequestPartialSchema,
  ),
  "POST /channels/{channel_id}/threads": spec.CreateTextThreadWithoutMessageRequestSchema,
  // The spec describes this body inline (no named schema): type, allow, deny.
  "PUT /channels/{channel_id}/permissions/{overwrite_id}": z.object({
    type: z.nullish(spec.ChannelPermissionOverwritesSchema),
    allow: z.nullish(z.number()),
    deny: z.nullish(z.number()),
  }),
  "POST /guilds/{guild_id}/roles": spec.CreateRoleRequestSchema,
  "PATCH /guilds/{guild_id}/roles/{role_id}": spec.UpdateRoleRequestPartialSchema,
  "POST /users/@me/channels": spec.CreatePrivateChannelRequestSchema,
  "POST /interactions/{interaction_id}/{interaction_token}/callback": interactionCallback,
  "POST /webhooks/{webhook_id}/{webhook_token}": spec.IncomingWebhookRequestPartialSchema,
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original":
    spec.IncomingWebhookUpdateRequestPartialSchema,
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}":
    spec.IncomingWebhookUpdateRequestPartialSchema,
  "PUT /applications/{application_id}/commands": arrayOf(
    spec.ApplicationCommandUpdateRequestSchema,
  ),
  "PUT /applications/{application_id}/guilds/{guild_id}/commands": arrayOf(
    spec.ApplicationCommandUpdateRequestSchema,
  ),
  "POST /applications/{application_id}/commands": spec.ApplicationCommandCreateRequestSchema,
  "POST /applications/{application_id}/guilds/{guild_id}/commands":
    spec.ApplicationCommandCreateRequestSchema,
};

/** Keys holding permission bitfields: Discord takes them as decimal strings. */
const BITFIELD_KEYS = new Set(["allow", "deny", "permissions", "default_member_permissions"]);

/**
 * Where the OpenAPI spec is stricter than Discord: it types permission bitfields as
 * numbers while Discord's documentation (and every client) sends decimal strings, and
 * it types `attachments[].id` as a snowflake string while Discord documents (and
 * accepts) the upload index as a number. Such values are checked in the spec's form.
 */
function normaliseBitfields(value: unknown, parentKey = ""): unknown {
  if (Array.isArray(value)) return value.map((entry) => normaliseBitfields(entry, parentKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (BITFIELD_KEYS.has(key) && typeof entry === "string" && /^[0-9]{1,20}$/.test(entry)) {
      out[key] = Number(entry);
    } else if (
      parentKey === "attachments" && key === "id" && typeof entry === "number" &&
      Number.isInteger(entry) && entry >= 0
    ) {
      out[key] = String(entry);
    } else {
      out[key] = normaliseBitfields(entry, key);
    }
  }
  return out;
}

/** The outcome of checking a body: field errors in Discord's nested shape, or none. */
export interface ValidationResult {
  ok: boolean;
  /** Discord-shaped `errors` for a 50035 answer. */
  errors: Record<string, unknown>;
  /** One line per problem, for the violation record. */
  summary: string;
}

/** Checks `body` against the spec schema of `method specPath`; routes without one pass. */
export function validateBody(method: string, specPath: string, body: unknown): ValidationResult {
  const schema = SCHEMAS[`${method} ${specPath}`];
  if (schema === undefined) return { ok: true, errors: {}, summary: "" };
  const result = schema.safeParse(normaliseBitfields(body));
  if (result.success) return { ok: true, errors: {}, summary: "" };
  const issues = result.error?.issues ?? [];
  let errors: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => typeof p === "symbol" ? String(p) : p) as (
      | string
      | number
    )[];
    errors = mergeErrors(
      errors,
      fieldError(path, `BASE_${issue.code.toUpperCase()}`, issue.message),
    );
    lines.push(`${path.join(".") || "(body)"}: ${issue.message} (${issue.code})`);
  }
  return { ok: false, errors, summary: lines.join("; ") };
}

/**
 * Keys of `body` Discord never reads: every field of its API is snake_case, so a
 * key with a capital letter (`allowedMentions`) is ignored, silently, by Discord.
 * The keys of a `*_localizations` map are locales (`pt-BR`) and pass. Paths are
 * dotted (`embeds.0.footerText`).
 */
function unreadKeys(body: unknown, path = ""): string[] {
  if (Array.isArray(body)) return body.flatMap((entry, i) => unreadKeys(entry, `${path}${i}.`));
  if (body === null || typeof body !== "object") return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const here = /[A-Z]/.test(key) ? [`${path}${key}`] : [];
    if (key.endsWith("_localizations")) return here;
    return [...here, ...unreadKeys(value, `${path}${key}.`)];
  });
}

/** The violation's detail for a body with fields Discord does not read, or null when it has none. */
export function unreadFields(body: unknown): string | null {
  const unread = unreadKeys(body);
  return unread.length === 0
    ? null
    : `Fields Discord does not read (its fields are snake_case): ${unread.join(", ")}`;
}

/** True when a spec schema checks bodies of `method specPath`. */
export function hasSchema(method: string, specPath: string): boolean {
  return SCHEMAS[`${method} ${specPath}`] !== undefined;
}

/** Merges two nested Discord error trees. */
export function mergeErrors(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (key === "_errors" && Array.isArray(existing) && Array.isArray(value)) {
      out[key] = [...existing, ...value];
    } else if (
      existing !== undefined && typeof existing === "object" && existing !== null &&
      typeof value === "object" && value !== null
    ) {
      out[key] = mergeErrors(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      out[key] = value;
    }
  }
  return out;
}
