import { valueText } from "../../core/errors";
import { ManifestResource } from "../../core/manifest";
import { CloudProfile, RegionInfo } from "../../core/profiles";
import { RuleContext } from "../rule";
import { resolve } from "./facts";
import { propsOf, refId } from "./read";

/** A peering connection with both of its VPCs resolved. */
export interface PeeringEnds {
  readonly peering: ManifestResource<"PeeringConnection">;
  readonly requester: ManifestResource<"Vpc">;
  readonly accepter: ManifestResource<"Vpc">;
  /** The peering's props, read defensively. */
  readonly props: Record<string, unknown>;
  /** Region names as written on the VPCs (empty when missing). */
  readonly requesterRegionName: string;
  readonly accepterRegionName: string;
  readonly requesterRegion?: RegionInfo;
  readonly accepterRegion?: RegionInfo;
  /** The two VPCs are in different regions. */
  readonly crossRegion: boolean;
  /** The accepter account differs from the requester VPC's account. */
  readonly crossAccount: boolean;
  readonly accepterAccount: string;
}

const cache = new WeakMap<object, PeeringEnds[]>();
const byIdCache = new WeakMap<object, Map<string, PeeringEnds>>();

/** Every peering whose two ends resolve to VPCs (the others are reported by HL-MAN-004), computed once per manifest. */
export function peeringEnds(context: RuleContext): readonly PeeringEnds[] {
  let ends = cache.get(context.index);
  if (!ends) {
    ends = [];
    const regions = regionsOf(context.profile);
    for (const peering of context.index.ofType("PeeringConnection")) {
      const p = propsOf(peering);
      const requester = resolve(context.index, refId(p.requesterVpc), "Vpc");
      const accepter = resolve(context.index, refId(p.accepterVpc), "Vpc");
      if (!requester || !accepter) continue;
      const accepterAccount = typeof p.accepterAccount === "string" ? p.accepterAccount : accepter.account;
      const requesterRegionName = valueText(propsOf(requester).region ?? "");
      const accepterRegionName = valueText(propsOf(accepter).region ?? "");
      ends.push({
        peering,
        requester,
        accepter,
        props: p,
        requesterRegionName,
        accepterRegionName,
        requesterRegion: regions.get(requesterRegionName),
        accepterRegion: regions.get(accepterRegionName),
        crossRegion: requesterRegionName !== accepterRegionName,
        crossAccount: accepterAccount !== requester.account,
        accepterAccount,
      });
    }
    cache.set(context.index, ends);
  }
  return ends;
}

const regionMaps = new WeakMap<CloudProfile, Map<string, RegionInfo>>();

/** The profile's regions by name (a peering looks up two regions; apps have thousands). */
function regionsOf(profile: CloudProfile): Map<string, RegionInfo> {
  let map = regionMaps.get(profile);
  if (!map) {
    map = new Map(profile.regions.map((r) => [r.name, r]));
    regionMaps.set(profile, map);
  }
  return map;
}

/** The end of `ends` that is not `vpcId`. */
export function otherEnd(ends: PeeringEnds, vpcId: string): ManifestResource<"Vpc"> {
  return ends.requester.logicalId === vpcId ? ends.accepter : ends.requester;
}

/** The resolved ends of a peering by its logical ID. */
export function tryPeeringEnds(context: RuleContext, peeringId: string | undefined): PeeringEnds | undefined {
  let byId = byIdCache.get(context.index);
  if (!byId) {
    byId = new Map(peeringEnds(context).map((e) => [e.peering.logicalId, e]));
    byIdCache.set(context.index, byId);
  }
  return peeringId === undefined ? undefined : byId.get(peeringId);
}
