/**
 * Values as they travel between a deployment tool and the providers: JSON,
 * plus the two markers of Pulumi's wire format that a provider must
 * understand without loading the Pulumi SDK (the CLI path never loads it).
 */

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/**
 * A value not known yet (preview, or a resource that is being replaced).
 * Pulumi's wire value (`pulumi.runtime.unknownValue`); the CLI plan uses it too.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Pulumi's key marking a special object on the wire (`pulumi.runtime.specialSigKey`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Pulumi's signature of a secret value (`pulumi.runtime.specialSecretSig`). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True when `value` is a secret as Pulumi encodes it: `{ [SIG_KEY]: SECRET_SIG, value }`. */
export function isWrappedSecret(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as JsonObject)[SIG_KEY] === SECRET_SIG;
}

/** A value marked secret for Pulumi: stored encrypted in the stack state, shown as [secret]. */
export function wrapSecret(value: unknown): JsonObject {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** The value with every Pulumi secret wrapper removed, at any depth. */
export function unwrapSecrets(value: unknown): unknown {
  if (isWrappedSecret(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/** True when the value is, or contains, an unknown. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** JSON with sorted keys and no undefined/null members: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? "undefined";
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "object" && value !== null) {
    const out: JsonObject = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as JsonObject)[k];
      if (v !== undefined && v !== null) out[k] = normalize(v);
    }
    return out;
  }
  return value;
}

/** True when the two values are the same JSON (key order, undefined and null members ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  const absent = (v: unknown) => v === undefined || v === null;
  if (absent(a) || absent(b)) return absent(a) && absent(b);
  return canonicalJson(a) === canonicalJson(b);
}

/** The value at a dotted path (`customerDevice.preSharedKey`), or undefined. */
export function getPath(object: JsonObject, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as JsonObject)[part];
  }
  return current;
}

/** A copy of `object` with the value at a dotted path replaced (or removed, with undefined); parents must exist. */
export function withPath(object: JsonObject, path: string, value: unknown): JsonObject {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) {
    const copy = { ...object };
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = object[head];
  if (typeof child !== "object" || child === null) return object;
  return { ...object, [head]: withPath(child as JsonObject, rest.join("."), value) };
}

/** The object without its undefined and null members (a cloud API takes absent, not null). */
export function present(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}
