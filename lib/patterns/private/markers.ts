/**
 * Type markers: `Symbol.for` keys, so a construct made by another copy of the
 * library in node_modules is still recognised (no `instanceof`).
 */
export function mark(target: object, marker: symbol): void {
  Object.defineProperty(target, marker, { value: true });
}

/** True when `x` carries `marker`. */
export function hasMark(x: unknown, marker: symbol): boolean {
  return typeof x === "object" && x !== null && marker in x;
}
