import { randomBytes, scryptSync, timingSafeEqual } from "crypto";
import { ResourceType } from "../../lib";
import { FIELD_TABLES } from "./fields";
import { getPath, JsonObject, unwrapSecrets, withPath } from "./values";

/**
 * Secret inputs (pre-shared keys) in recorded state. Pulumi keeps them in its
 * stack state encrypted; a state file of our own (the CLI's) keeps only a
 * salted scrypt digest, which lets a plan tell a rotated key from an
 * unchanged one without the key ever being stored.
 */

const DIGEST_PREFIX = "scrypt$";
// 2^14 costs ~40 ms per key: cheap for a plan, slow for guessing a short key offline.
const COST = 1 << 14;
const LENGTH = 32;

/** A salted digest of a secret value: `scrypt$<salt>$<hash>` (base64url). */
export function digestSecret(value: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(value, salt, LENGTH, { N: COST });
  return `${DIGEST_PREFIX}${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** True when `value` is a digest made by `digestSecret`. */
export function isSecretDigest(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(DIGEST_PREFIX) && value.split("$").length === 3;
}

/** True when `value` is the secret the digest was made from. */
export function matchesDigest(digest: string, value: string): boolean {
  const [, salt, hash] = digest.split("$");
  const expected = Buffer.from(hash, "base64url");
  const actual = scryptSync(value, Buffer.from(salt, "base64url"), expected.length, { N: COST });
  return timingSafeEqual(expected, actual);
}

/** The inputs with every secret replaced by its digest, for a state file that must not hold keys. */
export function digestSecrets(type: ResourceType, inputs: JsonObject): JsonObject {
  let out = unwrapSecrets(inputs) as JsonObject;
  for (const path of FIELD_TABLES[type].secrets) {
    const value = getPath(out, path);
    if (typeof value === "string" && !isSecretDigest(value)) out = withPath(out, path, digestSecret(value));
  }
  return out;
}

/** The inputs with every secret removed (what is safe to print or log). */
export function withoutSecrets(type: ResourceType, inputs: JsonObject): JsonObject {
  let out = inputs;
  for (const path of FIELD_TABLES[type].secrets) out = withPath(out, path, undefined);
  return out;
}
