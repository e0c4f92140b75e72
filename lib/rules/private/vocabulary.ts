import { orList } from "./read";

/** Why `value` is not in `allowed`, with a case fix when only the case differs; undefined when allowed. */
export function notAllowed(property: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  const cased = typeof value === "string" ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  const shown = typeof value === "string" ? `'${value}'` : String(value);
  return `${property} is ${shown}; allowed: ${orList(allowed)}${cased ? ` (write it '${cased}')` : ""}.`;
}

/** Why `value` is outside the inclusive range, or undefined when inside. */
export function outOfRange(property: string, value: unknown, [min, max]: readonly [number, number], unit: string): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return undefined;
  return `${property} is ${String(value)}; allowed: a whole number from ${min} to ${max} ${unit}.`;
}
