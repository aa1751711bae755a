/**
 * The rules of every ticket type setting, in one place: the store checks a
 * patch with them before writing, `/type set` refuses with the rule a value
 * breaks, and the configuration file is validated with the same schema.
 */
import { z } from "zod";
import { parseSupportHours } from "./support_hours.ts";

/** A Discord id as the configuration file and the store keep it. */
export const snowflake = z.string({ error: "a Discord id, written in quotes" })
  .regex(/^[0-9]{1,20}$/, "a Discord id (digits only)");
const roleList = z.array(snowflake).max(25, "at most 25 roles");

/** One form field: short text, paragraph, or a choice of 2-25 options. */
export const questionSchema = z.object({
  label: z.string().trim().min(1, "at least 1 character").max(45, "at most 45 characters"),
  style: z.enum(["short", "paragraph", "choice"]),
  required: z.boolean(),
  options: z.array(z.string().trim().min(1).max(100, "at most 100 characters"))
    .max(25, "at most 25"),
}).superRefine((q, ctx) => {
  if (q.style === "choice" && q.options.length < 2) {
    ctx.addIssue({ code: "custom", path: ["options"], message: "at least 2 for a choice" });
  }
  if (q.style !== "choice" && q.options.length > 0) {
    ctx.addIssue({ code: "custom", path: ["options"], message: "only a choice has options" });
  }
});

/** Support hours: a schedule `parseSupportHours` understands, and what happens outside it. */
export const supportHoursSchema = z.object({
  schedule: z.string().superRefine((text, ctx) => {
    const parsed = parseSupportHours(text);
    if ("problem" in parsed) ctx.addIssue({ code: "custom", message: parsed.problem });
  }),
  policy: z.enum(["warn", "block"]),
});

/** Every setting of a ticket type, with its limits. */
export const typeSettingsSchema = z.object({
  name: z.string().trim().min(1, "at least 1 character").max(100, "at most 100 characters"),
  emoji: z.string().min(1).max(100, "at most 100 characters").nullable(),
  description: z.string().max(100, "at most 100 characters").nullable(),
  categoryId: snowflake.nullable(),
  mode: z.enum(["channel", "thread"]),
  parentChannelId: snowflake.nullable(),
  staffRoleIds: roleList,
  namingScheme: z.string().min(1, "at least 1 character").max(100, "at most 100 characters"),
  welcomeText: z.string().max(2000, "at most 2000 characters").nullable(),
  questions: z.array(questionSchema).max(5, "at most 5"),
  maxOpenPerMember: z.number().int("a whole number").min(1, "at least 1").max(100, "at most 100"),
  totalOpenCap: z.number().int("a whole number").min(1, "at least 1").max(10_000, "at most 10000")
    .nullable(),
  cooldownSeconds: z.number().int("a whole number").min(1, "at least 1")
    .max(2_592_000, "at most 30 days").nullable(),
  requiredRoleIds: roleList,
  blockedRoleIds: roleList,
  openersMayAddMembers: z.boolean(),
  claimMode: z.enum(["open", "hide", "readonly"]),
  supportHours: supportHoursSchema.nullable(),
  autoClose: z.object({
    warnAfterHours: z.number().int("a whole number").min(1, "at least 1").max(8760),
    closeAfterHours: z.number().int("a whole number").min(1, "at least 1").max(8760),
  }).nullable(),
  closeWhenOpenerLeaves: z.boolean(),
  feedback: z.boolean(),
  transcriptChannelId: snowflake.nullable(),
  retentionDays: z.number().int("a whole number").min(1, "at least 1")
    .max(36_500, "at most 36500").nullable(),
  closeRequestTimeoutHours: z.number().int("a whole number").min(1, "at least 1")
    .max(720, "at most 720"),
  threadClose: z.enum(["archive", "delete"]),
}).strict();

/** A change to some settings of a type. */
export const typePatchSchema = typeSettingsSchema.partial();

/** Each problem of `value` as `path: message`, e.g. `questions[0].options: at most 25`. */
export function schemaProblems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(formatIssue);
}

/** `path: message` for one zod issue, with indices in brackets. */
export function formatIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const path = issue.path.map((part, index) =>
    typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`
  ).join("");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
