/**
 * Customers' documents at rest: AES-256-GCM under MATERIALS_ENCRYPTION_KEY, one random nonce per
 * file, authenticated together with the file's stored name (a file moved under another document's
 * name does not decrypt). Each file starts with the id of the key that sealed it, so the key can
 * change: new files take the current key, older files are opened with MATERIALS_PREVIOUS_KEYS
 * until `materials:rekey` seals them again under the current one.
 *
 *   "BCM1" | key id (8 bytes) | nonce (12) | tag (16) | ciphertext
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const MAGIC = Buffer.from("BCM1");
const KEY_ID_BYTES = 8;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES + TAG_BYTES;

type TKey = { id: string; secret: Buffer };
export type TKeyring = { current: TKey; byId: ReadonlyMap<string, TKey> };

/** A key's id: the start of its SHA-256, so the same key always has the same id and none is stored. */
export function keyIdOf(secret: Buffer): string {
  return createHash("sha256").update(secret).digest().subarray(0, KEY_ID_BYTES).toString("hex");
}

/** The keys as the environment gives them (base64, 32 bytes each; env.ts checked the lengths). */
export function keyringOf(current: string, previous: readonly string[] = []): TKeyring {
  const keys = [current, ...previous].map((base64): TKey => {
    const secret = Buffer.from(base64, "base64");
    return { id: keyIdOf(secret), secret };
  });
  const [first] = keys;
  if (!first) throw new Error("no materials key");
  return { current: first, byId: new Map(keys.map((key) => [key.id, key])) };
}

/** The stored bytes of `plain` under the current key, bound to the name it is stored under. */
export function seal(keyring: TKeyring, plain: Buffer, storedName: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.secret, nonce);
  cipher.setAAD(Buffer.from(storedName));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const keyId = Buffer.from(keyring.current.id, "hex");
  return Buffer.concat([MAGIC, keyId, nonce, cipher.getAuthTag(), ciphertext]);
}

/** The id of the key a stored file was sealed with. */
export function sealedWith(stored: Buffer): string {
  if (stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error("not a sealed document");
  }
  return stored.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString("hex");
}

/** The document's bytes; throws when the key is unknown or the file was altered or renamed. */
export function open(keyring: TKeyring, stored: Buffer, storedName: string): Buffer {
  const keyId = sealedWith(stored);
  const key = keyring.byId.get(keyId);
  if (!key) throw new Error(`document sealed with key ${keyId}, which is not configured`);
  const nonceAt = MAGIC.length + KEY_ID_BYTES;
  const tagAt = nonceAt + NONCE_BYTES;
  const decipher = createDecipheriv("aes-256-gcm", key.secret, stored.subarray(nonceAt, tagAt));
  decipher.setAAD(Buffer.from(storedName));
  decipher.setAuthTag(stored.subarray(tagAt, HEADER_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()]);
}
