/** Whether a member asks for a person: one of the handoff phrases, as whole words. */

/** Builds a test for `phrases` (matched case-insensitively, on word boundaries). */
export function handoffMatcher(phrases: readonly string[]): (content: string) => boolean {
  const escaped = phrases
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== "")
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  if (escaped.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iu");
  return (content) => pattern.test(content);
}
