import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * Sealing of secrets at rest (API secret keys, pre-shared keys): AES-256-GCM, authenticated, so
 * a tampered or foreign value fails to open instead of yielding garbage. The
 * key comes from `$HYBRIDLINK_SEAL_KEY` (any text; its SHA-256 is the key),
 * else from an owner-only key file beside the store (created on first use),
 * else, for an in-memory store, from the process.
 */
export interface SealKey {
  readonly key: Buffer;
}

export const SEAL_KEY_ENV = "HYBRIDLINK_SEAL_KEY";
const FORMAT = "gcm1";
let processKey: Buffer | undefined;

/** The sealing key for a store file (or `:memory:`). */
export function sealKeyFor(storePath: string, env: NodeJS.ProcessEnv = process.env): SealKey {
  const given = env[SEAL_KEY_ENV];
  if (given) return { key: crypto.createHash("sha256").update(given).digest() };
  if (storePath === ":memory:") return { key: (processKey ??= crypto.randomBytes(32)) };
  const file = path.join(path.dirname(storePath), "seal.key");
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return { key: Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex") };
}

/**
 * A key for another purpose derived from the sealing key (HKDF-SHA256), so
 * one key file protects everything and no purpose's key reveals another's.
 */
export function deriveKey(seal: SealKey, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", seal.key, Buffer.alloc(0), `hybridlink/${purpose}`, 32));
}

/** Seals `plain`, bound to `context` (e.g. the key ID): a sealed value moved to another row does not open. */
export function sealWith(seal: SealKey, plain: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", seal.key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** True when `value` is in the sealed form (`sealWith`'s), whether or not it opens under a given key. */
export function isSealed(value: string): boolean {
  return value.startsWith(`${FORMAT}:`);
}

/** Opens a sealed value; undefined when it was sealed under another key or context, or altered. */
export function unsealWith(seal: SealKey, sealed: string, context: string): string | undefined {
  if (!sealed.startsWith(`${FORMAT}:`)) return undefined;
  const raw = Buffer.from(sealed.slice(FORMAT.length + 1), "base64");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", seal.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
