/**
 * Wire models generated from the SDKs (`*.generated.ts`): model name → field →
 * type. Tencent fields are keyed by their wire name and typed `string`,
 * `number`, `boolean`, `any`, a model name, or any of those with `[]`.
 * Alibaba fields are keyed by the SDK's camelCase property and hold
 * `"<WireName> <type>"`.
 */
export type WireModels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The zero value of a declared type: what a field the engine has no value for is answered with. */
export function zeroOf(type: string): unknown {
  if (type.endsWith("[]")) return [];
  if (type === "string") return "";
  if (type === "number") return 0;
  if (type === "boolean") return false;
  return null;
}
