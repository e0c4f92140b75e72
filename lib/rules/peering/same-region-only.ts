import { assumption } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-008: profiles that only offer same-region peering refuse cross-region peering. */
export const sameRegionOnly: Rule = {
  id: "HL-PEER-008",
  title: "Cross-region peering only where the cloud offers it",
  severity: "error",
  source: assumption("seed 004 (the CCB profile) documents same-region peering only (同地域对等连接) and, unlike seed 003, offers no cross-region peering; the profile therefore offers none"),
  rationale: "Some clouds (the CCB profile) offer only same-region peering: both VPCs must be in one region.",
  fix: "Put both VPCs in the same region, or connect the regions another way.",
  *check(context) {
    if (context.profile.peering.crossRegion) return;
    for (const ends of peeringEnds(context)) {
      if (!ends.crossRegion) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "accepterVpc",
        message: `Peering '${ends.requester.path}' (${ends.requesterRegionName}) ↔ '${ends.accepter.path}' (${ends.accepterRegionName}) crosses regions; ${context.profile.displayName} offers same-region peering only: put both VPCs in one region.`,
      };
    }
  },
};
