import { CloudProfile, RegionInfo, tryFindRegion } from "../../../lib/core/profiles";
import { Cidr, cidrsOverlap, findOverlaps, parseCidr, tryParseCidr, tryParseIp } from "../../../lib/net/cidr";
import { CloudError } from "../errors";
import { ParamReader } from "../params";

/** Reads a CIDR parameter: valid IPv4 CIDR with host bits zero (the normalized block is suggested otherwise). */
export function readCidr(params: ParamReader, name: string): Cidr {
  return checkCidr(params, params.nameOf(name), params.string(name));
}

/** Reads a list of CIDRs that must not overlap each other. */
export function readCidrList(params: ParamReader, name: string, options: { nonEmpty?: boolean } = {}): Cidr[] {
  const texts = params.stringArray(name);
  if (options.nonEmpty && texts.length === 0) {
    throw params.error("InvalidParameterValue.Cidr", name, "must hold at least one CIDR block, received [].");
  }
  const cidrs = texts.map((t, i) => checkCidr(params, `${params.nameOf(name)}[${i}]`, t));
  const overlaps = findOverlaps(cidrs.map((cidr, i) => ({ cidr, owner: i })));
  if (overlaps.length) {
    const o = overlaps[0];
    throw params.error(
      "InvalidParameterValue.CidrOverlap",
      name,
      `holds overlapping blocks ${o.a.cidr.text} and ${o.b.cidr.text}; keep one, or use blocks that do not overlap.`,
    );
  }
  return cidrs;
}

function checkCidr(params: ParamReader, what: string, text: string): Cidr {
  const cidr = tryParseCidr(text);
  if (!cidr) {
    throw new CloudError(
      "InvalidParameterValue.Cidr",
      `${params.action}: '${what}' must be an IPv4 CIDR block a.b.c.d/n (n from 0 to 32), received '${text}'.`,
    );
  }
  if (!cidr.hostBitsZero) {
    throw new CloudError(
      "InvalidParameterValue.Cidr",
      `${params.action}: '${what}' is '${text}', whose host bits are not zero; use '${cidr.network}'.`,
    );
  }
  return cidr;
}

/** Reads a region parameter that must exist in the profile. */
export function readRegion(params: ParamReader, name: string, profile: CloudProfile): RegionInfo {
  const region = params.string(name);
  const info = tryFindRegion(profile, region);
  if (!info) {
    throw params.error(
      "InvalidParameterValue.Region",
      name,
      `is '${region}', which is not a ${profile.displayName} region. Use one of: ${profile.regions.map((r) => r.name).join(", ")}.`,
    );
  }
  return info;
}

/** The first pair of overlapping blocks between two lists, if any. */
export function firstOverlap(a: readonly string[], b: readonly string[]): [string, string] | undefined {
  for (const x of a) {
    for (const y of b) if (cidrsOverlap(parseCidr(x), parseCidr(y))) return [x, y];
  }
  return undefined;
}

/** True when `inner` lies inside one of `outer`. */
export function insideAny(inner: Cidr, outer: readonly string[]): boolean {
  return outer.some((o) => {
    const c = parseCidr(o);
    return c.start <= inner.start && inner.end <= c.end;
  });
}

// Blocks a customer gateway's address may not be in: it must be a static public unicast IPv4 (seed 001).
const NOT_PUBLIC: ReadonlyArray<[string, string]> = [
  ["0.0.0.0/8", "'this network' (RFC 1122)"],
  ["10.0.0.0/8", "private (RFC 1918)"],
  ["100.64.0.0/10", "shared address space (RFC 6598)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private (RFC 1918)"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.168.0.0/16", "private (RFC 1918)"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved (including broadcast)"],
];

/**
 * Why an address is not a public unicast IPv4, or undefined when it is one.
 * The documentation (192.0.2/24, 198.51.100/24, 203.0.113/24) and
 * benchmarking (198.18/15) blocks are accepted, as rule HL-VPN-002 accepts
 * them: examples and tests use them for public addresses.
 */
export function notPublicUnicastReason(ip: string): string | undefined {
  const n = tryParseIp(ip);
  if (n === undefined) return "not an IPv4 address";
  for (const [block, reason] of NOT_PUBLIC) {
    const c = parseCidr(block);
    if (c.start <= n && n <= c.end) return `${reason}, in ${block}`;
  }
  return undefined;
}
