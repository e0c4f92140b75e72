import { cidrContains, tryParseCidr } from "./cidr";

/**
 * Traffic-selector negotiation of one CHILD_SA, as IKEv2 defines it
 * (RFC 7296 §2.9, "Traffic Selector Negotiation"): the responder "is allowed to
 * narrow the choices by selecting a subset of the traffic covered by the
 * proposal", and answers TS_UNACCEPTABLE only when nothing of the proposal is
 * acceptable. So a device proposing 10.0.0.0/8 to a gateway that accepts
 * 10.0.0.0/16 gets a CHILD_SA for 10.0.0.0/16, and one proposing 10.0.1.0/24
 * gets 10.0.1.0/24: the result is the intersection, whoever initiates.
 * strongSwan does the same (checked in network namespaces by
 * test/providers/cloud/negotiation-netns.test.ts).
 *
 * IKEv1 Quick Mode (RFC 2409 §5.5) has no narrowing: the responder accepts the
 * initiator's IDs or refuses. Gateways differ in how strictly they compare them,
 * so for IKEv1 hybridlink keeps the strict reading (assumption: identical blocks
 * on both ends, the form every vendor guide asks for).
 */
export interface NarrowedSelectors {
  /** The blocks both ends install, from the cloud side's point of view. */
  readonly cloudLocal: readonly string[];
  readonly cloudRemote: readonly string[];
  /** True when the result is smaller than what one end configured. */
  readonly narrowed: boolean;
}

/** What each end of a tunnel is configured with, each from its own point of view. */
export interface SelectorConfig {
  readonly cloudLocal: readonly string[];
  readonly cloudRemote: readonly string[];
  readonly deviceLocal: readonly string[];
  readonly deviceRemote: readonly string[];
}

/** The selectors two ends agree on, or why they cannot agree. */
export function negotiateSelectors(
  s: SelectorConfig,
  ikeMajorVersion: 1 | 2,
): { readonly ok: true; readonly selectors: NarrowedSelectors } | { readonly ok: false; readonly detail: string } {
  if (ikeMajorVersion === 1) {
    if (sameBlocks(s.deviceLocal, s.cloudRemote) && sameBlocks(s.deviceRemote, s.cloudLocal)) {
      return { ok: true, selectors: { cloudLocal: s.cloudLocal, cloudRemote: s.cloudRemote, narrowed: false } };
    }
    return {
      ok: false,
      detail:
        `the device protects ${s.deviceLocal.join(", ")} → ${s.deviceRemote.join(", ")}, but the connection expects ` +
        `${s.cloudRemote.join(", ")} → ${s.cloudLocal.join(", ")}; IKEv1 has no traffic-selector narrowing, so mirror the connection's subnets on the device`,
    };
  }
  const cloudLocal = intersect(s.cloudLocal, s.deviceRemote);
  const cloudRemote = intersect(s.cloudRemote, s.deviceLocal);
  if (cloudLocal.length === 0 || cloudRemote.length === 0) {
    const side = cloudLocal.length === 0 ? `its remote ${s.deviceRemote.join(", ")} and the cloud's ${s.cloudLocal.join(", ")}` : `its local ${s.deviceLocal.join(", ")} and the cloud's remote ${s.cloudRemote.join(", ")}`;
    return {
      ok: false,
      detail: `TS_UNACCEPTABLE: the device's selectors share no address with the connection's (${side}); the IDC's networks must be inside the connection's remote CIDRs and the cloud's inside its local ones`,
    };
  }
  const narrowed =
    !sameBlocks(cloudLocal, s.cloudLocal) || !sameBlocks(cloudRemote, s.cloudRemote) || !sameBlocks(cloudLocal, s.deviceRemote) || !sameBlocks(cloudRemote, s.deviceLocal);
  return { ok: true, selectors: { cloudLocal, cloudRemote, narrowed } };
}

/**
 * The cloud side's SPD policies as the negotiated CHILD_SAs carry them: each
 * policy narrowed to what the device proposes, empty ones dropped.
 */
export function narrowPolicies<P extends { readonly localCidrs: readonly string[]; readonly remoteCidrs: readonly string[] }>(
  policies: readonly P[],
  deviceLocal: readonly string[],
  deviceRemote: readonly string[],
): Array<{ localCidrs: string[]; remoteCidrs: string[] }> {
  return policies
    .map((p) => ({ localCidrs: intersect(p.localCidrs, deviceRemote), remoteCidrs: intersect(p.remoteCidrs, deviceLocal) }))
    .filter((p) => p.localCidrs.length > 0 && p.remoteCidrs.length > 0);
}

/** The blocks common to two CIDR lists (CIDR blocks either nest or are disjoint, so each common part is one of them). */
export function intersect(a: readonly string[], b: readonly string[]): string[] {
  const out = new Set<string>();
  for (const x of a) {
    const cx = tryParseCidr(x);
    if (!cx) continue;
    for (const y of b) {
      const cy = tryParseCidr(y);
      if (!cy) continue;
      if (cidrContains(cy, cx)) out.add(cx.network);
      else if (cidrContains(cx, cy)) out.add(cy.network);
    }
  }
  // Drop blocks inside another result block (a list overlapping itself).
  const blocks = [...out].map((t) => tryParseCidr(t)!);
  return blocks.filter((c) => !blocks.some((o) => o !== c && o.network !== c.network && cidrContains(o, c))).map((c) => c.network);
}

/** True when two CIDR lists name the same set of blocks (order and spelling aside). */
export function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
  const norm = (xs: readonly string[]) => [...new Set(xs.map((x) => tryParseCidr(x)?.network ?? x))].sort().join(",");
  return norm(a) === norm(b);
}
