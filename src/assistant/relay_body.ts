/**
 * The relay request body as the bot sends it (see README, "Request"), validated
 * with zod: every id, the ticket id and the ticket number are strings of digits.
 * Fields the assistant does not know are ignored, so newer bots keep working.
 */
import { z } from "zod";

const id = z.string().regex(/^\d{1,20}$/, "must be a string of digits");

const RelayBodySchema = z.object({
  guild_id: id,
  channel_id: id,
  user_id: id,
  message_id: id,
  ticket_id: id,
  ticket_number: id,
  content: z.string().min(1, "must not be empty").max(16_000, "is too long"),
});

/** One validated relay request. */
export type RelayBody = z.infer<typeof RelayBodySchema>;

/** A body the assistant cannot take: which fields are wrong, and why. */
export interface BodyProblem {
  fields: string[];
  problems: string[];
}

/** Parses and validates a raw relay body; never throws. */
export function parseRelayBody(
  text: string,
): { ok: true; body: RelayBody } | ({ ok: false } & BodyProblem) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, fields: [], problems: ["the body is not valid JSON"] };
  }
  const parsed = RelayBodySchema.safeParse(json);
  if (parsed.success) return { ok: true, body: parsed.data };
  const fields = new Set<string>();
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".");
    if (field === "") {
      problems.push("the body must be a JSON object");
      continue;
    }
    fields.add(field);
    const given = (json as Record<string, unknown>)[field];
    const message = issue.code === "invalid_type" && given === undefined
      ? "is required"
      : issue.code === "invalid_type"
      ? `must be a ${issue.expected}`
      : issue.message;
    problems.push(`${field} ${message}`);
  }
  return { ok: false, fields: [...fields], problems };
}
