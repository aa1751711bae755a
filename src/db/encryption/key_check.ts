/**
 * The start-up check that the configured key opens the data: a check value kept
 * in `meta` (sealed when encryption was first turned on, re-sealed by a
 * finished rekey) and a sample of sealed rows. With sealed data present and no
 * key, or a key that opens none of it, the program stops rather than write
 * plain text next to encrypted values.
 */
import type { DatabaseHandle } from "../connect.ts";
import { insertOnce } from "../stores/inserts.ts";
import { type FieldCipher, MissingKeyError, textKeyId } from "./field_cipher.ts";

/** The `meta` key of the check value. */
export const KEY_CHECK_META = "encryption_key_check";
const CHECK_TEXT = "ticketeer encryption key check";

/** Thrown when the configured key cannot open the stored data (exit 2). */
export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

/** Key ids named by a sample of sealed rows. */
async function sampledKeyIds(handle: DatabaseHandle): Promise<string[]> {
  const { db } = handle;
  const samples = await Promise.all([
    db.selectFrom("archived_messages").select("payload as value")
      .where("payload", "like", "enc:v1:%").limit(1).execute(),
    db.selectFrom("archived_messages").select("payload as value")
      .where("payload", "like", "enc:v1:%").orderBy("message_id", "desc").limit(1).execute(),
    db.selectFrom("tickets").select("answers as value")
      .where("answers", "like", "enc:v1:%").orderBy("id", "desc").limit(1).execute(),
  ]);
  const ids = samples.flat().map((row) => textKeyId(row.value)).filter((id) => id !== null);
  return [...new Set(ids)];
}

/** Checks `cipher` against the stored data; records the check value when first keyed. */
export async function checkEncryptionKey(
  handle: DatabaseHandle,
  cipher: FieldCipher,
): Promise<void> {
  const row = await handle.db.selectFrom("meta").select("value")
    .where("key", "=", KEY_CHECK_META).executeTakeFirst();
  const sampled = await sampledKeyIds(handle);
  const named = [...new Set([...(row ? [textKeyId(row.value) ?? "?"] : []), ...sampled])];
  if (cipher.keyId === null) {
    if (named.length > 0) {
      throw new EncryptionKeyError(
        `The database holds encrypted data (key ${named.join(", ")}) ` +
          "but ENCRYPTION_KEY is not set: set it to the key the data was encrypted with",
      );
    }
    return;
  }
  const unknown = named.filter((id) => !cipher.keyIds.includes(id));
  if (unknown.length > 0) {
    throw new EncryptionKeyError(
      `ENCRYPTION_KEY does not open the stored data: it is encrypted with key ${
        unknown.join(", ")
      }, the configured key${cipher.keyIds.length > 1 ? "s are" : " is"} ${
        cipher.keyIds.join(", ")
      } (set ENCRYPTION_KEY_PREVIOUS to the old key while ticketeer rekey runs)`,
    );
  }
  if (row !== undefined) {
    try {
      if (await cipher.openText(row.value) === CHECK_TEXT) return;
    } catch (error) {
      if (!(error instanceof MissingKeyError)) throw error;
    }
    throw new EncryptionKeyError(
      "ENCRYPTION_KEY does not open the stored data: its key check value does not match",
    );
  }
  await recordKeyCheck(handle, cipher);
}

/** Seals the check value under the current key (when encryption is first on, and after a rekey). */
export async function recordKeyCheck(handle: DatabaseHandle, cipher: FieldCipher): Promise<void> {
  if (cipher.keyId === null) return;
  const value = await cipher.sealText(CHECK_TEXT);
  const { db } = handle;
  const updated = await db.updateTable("meta").set({ value }).where("key", "=", KEY_CHECK_META)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  // Two processes may start at once: the first check value stays.
  await insertOnce(db.insertInto("meta").values({ key: KEY_CHECK_META, value }));
}
