/**
 * Values as they cross Pulumi's gRPC wire: google.protobuf.Struct, secrets as
 * objects carrying Pulumi's signature key, unknowns (preview) as a sentinel string.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const structproto = require("google-protobuf/google/protobuf/struct_pb");

/** sdk/nodejs/runtime/rpc.ts: `specialSigKey` and the secret signature. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** sdk/nodejs/runtime/rpc.ts: `unknownValue`. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function toStruct(value: JsonObject): unknown {
  return structproto.Struct.fromJavaScript(dropUndefined(value));
}

export function fromStruct(struct: { toJavaScript(): JsonObject } | undefined): JsonObject {
  return struct ? struct.toJavaScript() : {};
}

export function isSecret(value: unknown): value is { [SIG_KEY]: string; value: Json } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

export function secret(value: Json): Json {
  return isSecret(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

/** The value with every secret replaced by its plain value (what a provider that does not accept secrets gets). */
export function reveal(value: Json): Json {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

/** The property paths (`a.b.0`) that hold a secret. */
export function secretPaths(value: Json, prefix: string[] = []): string[][] {
  if (isSecret(value)) return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => secretPaths(v, [...prefix, String(i)]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => secretPaths(v, [...prefix, k]));
  return [];
}

/** Marks the given paths secret again (the engine's job for a provider that does not accept secrets). */
export function markSecret(value: JsonObject, paths: readonly string[][]): JsonObject {
  let out: Json = value;
  for (const path of paths) out = markAt(out, path);
  return out as JsonObject;
}

function markAt(value: Json, path: readonly string[]): Json {
  if (path.length === 0) return secret(value);
  if (typeof value !== "object" || value === null || isSecret(value)) return value;
  const [head, ...rest] = path;
  const current = (value as Record<string, Json>)[head];
  if (current === undefined) return value;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? markAt(v, rest) : v));
  return { ...value, [head]: markAt(current, rest) };
}

function dropUndefined(value: unknown): Json {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  }
  return value as Json;
}
