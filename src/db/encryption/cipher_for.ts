/** The cipher a configuration asks for. */
import type { EncryptionConfig } from "../../config.ts";
import { createCipher, type FieldCipher, plainCipher } from "./field_cipher.ts";

/** A cipher for `encryption` (`ENCRYPTION_KEY`, `ENCRYPTION_KEY_PREVIOUS`); plain when absent. */
export function cipherFor(encryption: EncryptionConfig | undefined): Promise<FieldCipher> {
  if (encryption === undefined) return Promise.resolve(plainCipher());
  return createCipher(encryption.key, { previous: encryption.previous });
}
