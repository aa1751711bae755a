/**
 * Share-link tokens: `id.expiry.signature`, signed with `SESSION_SECRET`. The
 * signature and the expiry are checked first; the database then says whether
 * the link was revoked.
 */
import type { Signer } from "./signer.ts";

/** The token for link `id` that expires at `expiresAt`. */
export function shareToken(signer: Signer, link: { id: string; expiresAt: Date }): Promise<string> {
  return signer.sign(`${link.id}.${link.expiresAt.getTime()}`);
}

/** The link id of a valid token that has not expired at `now`, or null. */
export async function readShareToken(
  signer: Signer,
  token: string,
  now: Date,
): Promise<string | null> {
  const value = await signer.verify(token);
  if (value === null) return null;
  const [id, expiry] = value.split(".");
  if (id === undefined || expiry === undefined || !/^\d+$/.test(expiry)) return null;
  return Number(expiry) > now.getTime() ? id : null;
}
