// eslint-disable-next-line @typescript-eslint/no-require-imports -- ip-cidr is CommonJS with `export =`: this is its typed import form
import type IPCIDR = require("ip-cidr");

/**
 * IPv4 CIDR blocks as numeric ranges. Parsing and validation go through
 * ip-cidr; the parsed block is kept as [start, end] unsigned 32-bit numbers so
 * that overlap sweeps and prefix lookups compare numbers, not strings.
 */
export interface Cidr {
  /** The text as written. */
  readonly text: string;
  /** Normalized block with host bits zero, e.g. `10.0.0.0/16`. */
  readonly network: string;
  readonly prefix: number;
  /** First address, as an unsigned 32-bit number. */
  readonly start: number;
  /** Last address, as an unsigned 32-bit number. */
  readonly end: number;
  /** False when the text had host bits set (`10.0.0.1/16`). */
  readonly hostBitsZero: boolean;
}

// Parsed blocks by text: apps repeat the same few thousand CIDRs across routes and policies.
const cache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 200_000;

/** The parsed block, or undefined when `text` is not an IPv4 CIDR. */
export function tryParseCidr(text: string): Cidr | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed ?? undefined;
}

/** The parsed block; throws a message naming the value and the expected form. */
export function parseCidr(text: string): Cidr {
  const parsed = tryParseCidr(text);
  if (!parsed) throw new Error(`'${text}' is not an IPv4 CIDR block (expected a.b.c.d/n with n from 0 to 32)`);
  return parsed;
}

// Canonical a.b.c.d/n (octets 0–255 without leading zeros, n 0–32): a subset of what ip-cidr accepts, read
// directly because constructing ip-cidr's address objects dominates synth of large apps. Anything else goes
// through ip-cidr; test/net/cidr.test.ts checks both paths against ip-cidr.
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// Canonical a.b.c.d, read directly for the same reason (a subset of what ip-cidr accepts as an address).
const CANONICAL_IP = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const CANONICAL_CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}\\/(3[0-2]|[12]?\\d)$`);

function parseUncached(text: string): Cidr | null {
  if (typeof text !== "string") return null;
  const canonical = CANONICAL_CIDR.exec(text);
  if (canonical) {
    const ip = ((+canonical[1] << 24) | (+canonical[2] << 16) | (+canonical[3] << 8) | +canonical[4]) >>> 0;
    return toCidr(text, ip, +canonical[5]);
  }
  // Same test as IPCIDR.isValidCIDR (a '/' and createAddress succeeding), parsing once instead of twice.
  if (!text.includes("/") || text.includes(":")) return null;
  const address = createAddressOrNull(text);
  if (!address || !address.v4 || !/\/\d{1,2}$/.test(text)) return null;
  const ip = octetsToNumber(address.parsedAddress);
  if (ip === undefined) return null;
  return toCidr(text, ip, address.subnetMask);
}

function toCidr(text: string, ip: number, prefix: number): Cidr {
  const mask = prefixMask(prefix);
  const start = (ip & mask) >>> 0;
  const end = (start | (~mask >>> 0)) >>> 0;
  return { text, network: `${formatIp(start)}/${prefix}`, prefix, start, end, hostBitsZero: start === ip };
}

let loaded: typeof IPCIDR | undefined;

/** ip-cidr, loaded on first use: canonical blocks (nearly all of them) never need it, and start-up is module loading. */
function ipCidr(): typeof IPCIDR {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("ip-cidr") as typeof IPCIDR);
}

/** ip-cidr's parse of `text`, or null where its isValid* checks would say false. */
function createAddressOrNull(text: string): IPCIDR.Address | null {
  try {
    return ipCidr().createAddress(text) || null;
  } catch {
    return null;
  }
}

/** The netmask of a prefix length as an unsigned number (/0 is 0). */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function octetsToNumber(octets: string[]): number | undefined {
  if (octets.length !== 4) return undefined;
  let n = 0;
  for (const o of octets) {
    const v = Number(o);
    if (!Number.isInteger(v) || v < 0 || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

const ipCache = new Map<string, number | null>();

/** An IPv4 address as an unsigned number, or undefined when it is not one. */
export function tryParseIp(text: string): number | undefined {
  const hit = ipCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  let parsed: number | null = null;
  const canonical = typeof text === "string" ? CANONICAL_IP.exec(text) : null;
  if (canonical) {
    parsed = ((+canonical[1] << 24) | (+canonical[2] << 16) | (+canonical[3] << 8) | +canonical[4]) >>> 0;
  } else if (typeof text === "string" && !text.includes("/") && !text.includes(":")) {
    // Same test as IPCIDR.isValidAddress, parsing once.
    const address = createAddressOrNull(text);
    parsed = address && address.v4 ? (octetsToNumber(address.parsedAddress) ?? null) : null;
  }
  if (ipCache.size >= CACHE_LIMIT) ipCache.clear();
  ipCache.set(text, parsed);
  return parsed ?? undefined;
}

export function parseIp(text: string): number {
  const ip = tryParseIp(text);
  if (ip === undefined) throw new Error(`'${text}' is not an IPv4 address (expected a.b.c.d)`);
  return ip;
}

export function formatIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** True when `inner` lies entirely within `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the blocks share any address (containment counts). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function ipInCidr(ip: number, cidr: Cidr): boolean {
  return cidr.start <= ip && ip <= cidr.end;
}

/** True when some block of `blocks` contains `inner`. */
export function coveredBy(inner: Cidr, blocks: readonly Cidr[]): boolean {
  return blocks.some((b) => cidrContains(b, inner));
}

export interface OwnedCidr<T> {
  readonly cidr: Cidr;
  readonly owner: T;
}

export interface CidrOverlap<T> {
  readonly a: OwnedCidr<T>;
  readonly b: OwnedCidr<T>;
}

/**
 * Overlapping blocks among `items` whose owners differ, by sort and sweep:
 * O(n log n + k). Every owner with a block that overlaps another owner's is
 * named at least once, paired with the earlier block that reaches furthest, so
 * every conflict is named without listing all k pairs of a pile-up. (Of two
 * identical blocks of one owner only one is paired: test/net/cidr.test.ts.)
 */
export function findOverlaps<T>(
  items: readonly OwnedCidr<T>[],
  sameOwner: (x: T, y: T) => boolean = (x, y) => x === y,
): CidrOverlap<T>[] {
  const sorted = [...items].sort((x, y) => x.cidr.start - y.cidr.start || y.cidr.end - x.cidr.end);
  const overlaps: CidrOverlap<T>[] = [];
  // The block reaching furthest so far, and the furthest-reaching block of another owner than it.
  let reach: OwnedCidr<T> | undefined;
  let otherReach: OwnedCidr<T> | undefined;
  for (const item of sorted) {
    if (reach && item.cidr.start <= reach.cidr.end && !sameOwner(reach.owner, item.owner)) {
      overlaps.push({ a: reach, b: item });
    } else if (otherReach && item.cidr.start <= otherReach.cidr.end && !sameOwner(otherReach.owner, item.owner)) {
      overlaps.push({ a: otherReach, b: item });
    }
    if (!reach || item.cidr.end > reach.cidr.end) {
      if (reach && !sameOwner(reach.owner, item.owner)) otherReach = reach;
      reach = item;
    } else if (!sameOwner(reach.owner, item.owner) && (!otherReach || item.cidr.end > otherReach.cidr.end)) {
      otherReach = item;
    }
  }
  return overlaps;
}
