import { CloudProfile, RegionInfo, tryFindRegion } from "../../../lib";
import { Cidr, cidrsOverlap, findOverlaps, parseCidr, tryParseCidr, tryParseIp } from "../../../lib";
import { notPublicUnicastBlock } from "../../../lib";
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

export function notPublicUnicastReason(ip: string): string | undefined {
  const n = tryParseIp(ip);
  if (n === undefined) return "not an IPv4 address";
  const special = notPublicUnicastBlock(n);
  return special ? `${special.what}, in ${special.block.network}` : undefined;
}
