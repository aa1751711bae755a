/**
 * Encryption at rest: AES-256-GCM through WebCrypto with a random 96-bit nonce
 * per value, in a self-describing envelope that names the key (the first 8 hex
 * digits of the key's SHA-256), so plain values, values under the previous key
 * and values under the current key are told apart row by row.
 *
 * Text envelope: `enc:v1:<key id>:<base64 of nonce || ciphertext>`.
 * Bytes envelope: `00 'T' 'K' 'E' 01`, 4 key id bytes, 12 nonce bytes, ciphertext.
 */
import { decodeHex, encodeHex } from "../../lib/hex.ts";

/** Seals and opens stored values; `plainCipher()` when encryption is off. */
export interface FieldCipher {
  /** The id of the key new values are sealed with; null when encryption is off. */
  readonly keyId: string | null;
  /** Every key id this cipher can open. */
  readonly keyIds: readonly string[];
  sealText(plain: string): Promise<string>;
  openText(stored: string): Promise<string>;
  sealBytes(plain: Uint8Array): Promise<Uint8Array>;
  openBytes(stored: Uint8Array): Promise<Uint8Array>;
  /** Search tokens of one normalised word, one per key (current first); none when off. */
  wordTokens(word: string): Promise<string[]>;
}

/** Thrown when a stored value is sealed with a key this process does not have. */
export class MissingKeyError extends Error {
  /** The key id the value names. */
  readonly keyId: string;
  constructor(keyId: string, known: readonly string[]) {
    super(
      known.length === 0
        ? `Cannot read an encrypted value (key ${keyId}): ENCRYPTION_KEY is not set`
        : `Cannot read an encrypted value: it is sealed with key ${keyId}, ` +
          `but ENCRYPTION_KEY${known.length > 1 ? "/ENCRYPTION_KEY_PREVIOUS" : ""} ` +
          `${known.length > 1 ? "are" : "is"} ${known.join(", ")}`,
    );
    this.name = "MissingKeyError";
    this.keyId = keyId;
  }
}

const TEXT_PREFIX = "enc:v1:";
const TEXT_SHAPE = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;
const BYTES_MAGIC = [0x00, 0x54, 0x4b, 0x45, 0x01];
const NONCE_BYTES = 12;
const HEADER_BYTES = BYTES_MAGIC.length + 4 + NONCE_BYTES;

/** The key id a text value is sealed with, or null when it is plain. */
export function textKeyId(stored: string): string | null {
  if (!stored.startsWith(TEXT_PREFIX)) return null;
  return TEXT_SHAPE.exec(stored)?.[1] ?? null;
}

/** The key id a bytes value is sealed with, or null when it is plain. */
export function bytesKeyId(stored: Uint8Array): string | null {
  if (stored.length < HEADER_BYTES + 16) return null;
  for (let i = 0; i < BYTES_MAGIC.length; i++) if (stored[i] !== BYTES_MAGIC[i]) return null;
  return encodeHex(stored.subarray(BYTES_MAGIC.length, BYTES_MAGIC.length + 4));
}

/** A cipher that seals nothing and refuses to open sealed values. */
export function plainCipher(): FieldCipher {
  return {
    keyId: null,
    keyIds: [],
    sealText: (plain) => Promise.resolve(plain),
    openText(stored) {
      const id = textKeyId(stored);
      if (id !== null) return Promise.reject(new MissingKeyError(id, []));
      return Promise.resolve(stored);
    },
    sealBytes: (plain) => Promise.resolve(plain),
    openBytes(stored) {
      const id = bytesKeyId(stored);
      if (id !== null) return Promise.reject(new MissingKeyError(id, []));
      return Promise.resolve(stored);
    },
    wordTokens: () => Promise.resolve([]),
  };
}

interface KeyMaterial {
  id: string;
  aes: CryptoKey;
  search: CryptoKey;
}

/** The id of a key: the first 8 hex digits of its SHA-256. */
export async function keyIdOf(key: Uint8Array<ArrayBuffer>): Promise<string> {
  return encodeHex(new Uint8Array(await crypto.subtle.digest("SHA-256", key))).slice(0, 8);
}

async function material(key: Uint8Array<ArrayBuffer>): Promise<KeyMaterial> {
  if (key.length !== 32) throw new RangeError("Cannot use the encryption key: it is not 32 bytes");
  const aes = await crypto.subtle.importKey("raw", key, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
  // The search key is derived, so a word token reveals nothing about the AES key.
  const hkdf = await crypto.subtle.importKey("raw", key, "HKDF", false, ["deriveKey"]);
  const search = await crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: new TextEncoder().encode("ticketeer search words"),
    },
    hkdf,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
  return { id: await keyIdOf(key), aes, search };
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** A cipher sealing with `key` and opening values under `key` or `previous`. */
export async function createCipher(
  key: Uint8Array<ArrayBuffer>,
  options: { previous?: Uint8Array<ArrayBuffer> | null } = {},
): Promise<FieldCipher> {
  const current = await material(key);
  const keys = [current];
  if (options.previous) {
    const old = await material(options.previous);
    if (old.id !== current.id) keys.push(old);
  }
  const byId = new Map(keys.map((k) => [k.id, k]));
  const keyFor = (id: string) => {
    const found = byId.get(id);
    if (found === undefined) throw new MissingKeyError(id, [...byId.keys()]);
    return found;
  };
  const seal = async (plain: Uint8Array<ArrayBuffer>) => {
    const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce }, current.aes, plain),
    );
    return { nonce, sealed };
  };
  const open = async (
    k: KeyMaterial,
    nonce: Uint8Array<ArrayBuffer>,
    body: Uint8Array<ArrayBuffer>,
  ) => {
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, k.aes, body),
      );
    } catch {
      throw new Error(`Cannot read an encrypted value under key ${k.id}: it is damaged`);
    }
  };
  return {
    keyId: current.id,
    keyIds: [...byId.keys()],
    async sealText(plain) {
      const { nonce, sealed } = await seal(new TextEncoder().encode(plain));
      const joined = new Uint8Array(nonce.length + sealed.length);
      joined.set(nonce);
      joined.set(sealed, nonce.length);
      return `${TEXT_PREFIX}${current.id}:${toBase64(joined)}`;
    },
    async openText(stored) {
      const id = textKeyId(stored);
      if (id === null) return stored;
      const joined = fromBase64(stored.slice(TEXT_PREFIX.length + 9));
      const plain = await open(keyFor(id), joined.slice(0, NONCE_BYTES), joined.slice(NONCE_BYTES));
      return new TextDecoder().decode(plain);
    },
    async sealBytes(plain) {
      const { nonce, sealed } = await seal(new Uint8Array(plain));
      const out = new Uint8Array(HEADER_BYTES + sealed.length);
      out.set(BYTES_MAGIC);
      out.set(decodeHex(current.id)!, BYTES_MAGIC.length);
      out.set(nonce, BYTES_MAGIC.length + 4);
      out.set(sealed, HEADER_BYTES);
      return out;
    },
    async openBytes(stored) {
      const id = bytesKeyId(stored);
      if (id === null) return stored;
      return await open(
        keyFor(id),
        stored.slice(BYTES_MAGIC.length + 4, HEADER_BYTES),
        stored.slice(HEADER_BYTES),
      );
    },
    async wordTokens(word) {
      const data = new TextEncoder().encode(word);
      const tokens: string[] = [];
      for (const k of keys) {
        const mac = new Uint8Array(await crypto.subtle.sign("HMAC", k.search, data));
        // A letter first, so every engine's tokeniser keeps the token whole.
        tokens.push(`w${encodeHex(mac.subarray(0, 10))}`);
      }
      return tokens;
    },
  };
}
