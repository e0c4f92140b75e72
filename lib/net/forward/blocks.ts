import { Cidr } from "../cidr";

// Address-block tests every stage makes; plain loops, since the matrix runs millions of walks.

export function contains(cidrs: readonly Cidr[], ip: number): boolean {
  for (const c of cidrs) if (c.start <= ip && ip <= c.end) return true;
  return false;
}

export function list(cidrs: readonly Cidr[]): string {
  return cidrs.map((c) => c.network).join(", ") || "none";
}

/** The longest prefix among `cidrs` that contains `ip`, or -1. */
export function longestContaining(cidrs: readonly Cidr[], ip: number): number {
  let best = -1;
  for (const c of cidrs) if (c.start <= ip && ip <= c.end && c.prefix > best) best = c.prefix;
  return best;
}
