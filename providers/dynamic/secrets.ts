import { createHmac, scryptSync, timingSafeEqual } from "crypto";
import { ResourceType } from "../../lib";
import { FIELD_TABLES } from "./fields";
import { getPath, JsonObject, unwrapSecrets, withPath } from "./values";

/**
 * Secret inputs (pre-shared keys) in recorded state. Pulumi keeps them in its
 * stack state encrypted; the CLI's stack records keep only a digest, which
 * lets a plan tell a rotated key from an unchanged one.
 *
 * The digest is an HMAC-SHA256 under a key derived from the store's sealing
 * key (`CloudEngine.secretDigestKey`), not a deliberately slow KDF: the store
 * must keep the key itself (sealed) for the device-configuration download, so
 * a slow digest beside it protects nothing, while costing ~30 ms per key on
 * every `up`. Keyed, the digest is no guessing oracle for someone who copies
 * the store without its key file (docs/security.md).
 */

/** The HMAC key digests are made under (32 bytes, derived from the store's sealing key). */
export type SecretDigestKey = Buffer;

const HMAC_PREFIX = "hmac1$";
// Digests written before the keyed form: `scrypt$<salt>$<hash>`, still recognised so old records do not plan a spurious update.
const SCRYPT_PREFIX = "scrypt$";
const SCRYPT_COST = 1 << 14;

/** A keyed digest of a secret value: `hmac1$<hmac-sha256>` (base64url). */
export function digestSecret(value: string, key: SecretDigestKey): string {
  return `${HMAC_PREFIX}${createHmac("sha256", key).update(value, "utf8").digest("base64url")}`;
}

/** True when `value` is a digest (`digestSecret`'s, or the older scrypt form). */
export function isSecretDigest(value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (value.startsWith(HMAC_PREFIX)) return value.length > HMAC_PREFIX.length && !value.includes("$", HMAC_PREFIX.length);
  return value.startsWith(SCRYPT_PREFIX) && value.split("$").length === 3;
}

/**
 * True when `value` is the secret the digest was made from. A keyed digest
 * needs the key it was made under: without it (or under another store's key)
 * the answer is false, which plans an update — the safe side.
 */
export function matchesDigest(digest: string, value: string, key: SecretDigestKey | undefined): boolean {
  if (digest.startsWith(HMAC_PREFIX)) {
    if (!key) return false;
    return constantTimeEqual(digest, digestSecret(value, key));
  }
  const [, salt, hash] = digest.split("$");
  const expected = Buffer.from(hash, "base64url");
  const actual = scryptSync(value, Buffer.from(salt, "base64url"), expected.length, { N: SCRYPT_COST });
  return timingSafeEqual(expected, actual);
}

/** The inputs with every secret replaced by its digest, for a state record that must not hold keys. */
export function digestSecrets(type: ResourceType, inputs: JsonObject, key: SecretDigestKey): JsonObject {
  let out = unwrapSecrets(inputs) as JsonObject;
  for (const path of FIELD_TABLES[type].secrets) {
    const value = getPath(out, path);
    if (typeof value === "string" && !isSecretDigest(value)) out = withPath(out, path, digestSecret(value, key));
  }
  return out;
}

/** The inputs with every secret removed (what is safe to print or log). */
export function withoutSecrets(type: ResourceType, inputs: JsonObject): JsonObject {
  let out = inputs;
  for (const path of FIELD_TABLES[type].secrets) out = withPath(out, path, undefined);
  return out;
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
