import { seed } from "../../core/provenance";
import { findOverlaps, OwnedCidr } from "../../net/cidr";
import { CidrSet } from "../private/cidr-set";
import { factsOf } from "../private/facts";
import { otherEnd, PeeringEnds, peeringEnds } from "../private/peering";
import { Rule, RuleViolation } from "../rule";

/** HL-PEER-002: with cross-region peering, the peers of one VPC do not overlap each other. */
export const crossRegionPeersOverlap: Rule = {
  id: "HL-PEER-002",
  title: "Cross-region peers of one VPC have no overlapping CIDR blocks",
  severity: "error",
  source: seed("003", "跨地域对等连接时，一个 VPC 的多个对等网络间 CIDR 不可重叠，重叠时会报错。", "With cross-region peering, the CIDRs of a VPC's several peer networks cannot overlap; an error is reported when they do."),
  rationale:
    "Cross-region peering runs over the cloud's inter-region MPLS network, which routes by destination: when two peers of one VPC share addresses, traffic to them is ambiguous, so the cloud refuses it (same-region peerings do not affect each other).",
  fix: "Renumber one of the two peer VPCs, or connect it another way (e.g. a CCN) so the VPC's cross-region peers have disjoint CIDRs.",
  *check(context) {
    const all = peeringEnds(context);
    if (!all.some((p) => p.crossRegion)) return;
    const facts = factsOf(context);
    const byVpc = new Map<string, PeeringEnds[]>();
    for (const ends of all) {
      for (const vpc of [ends.requester.logicalId, ends.accepter.logicalId]) {
        const list = byVpc.get(vpc) ?? [];
        list.push(ends);
        byVpc.set(vpc, list);
      }
    }
    for (const [vpcId, peerings] of byVpc) {
      if (peerings.length < 2 || !peerings.some((p) => p.crossRegion)) continue;
      const cross: OwnedCidr<PeeringEnds>[] = [];
      const same: OwnedCidr<PeeringEnds>[] = [];
      for (const p of peerings) {
        for (const cidr of facts.vpcCidrs(otherEnd(p, vpcId).logicalId)) (p.crossRegion ? cross : same).push({ cidr, owner: p });
      }
      // Peer VPCs, not peerings, are compared: two peerings to one VPC are not two overlapping peers.
      const samePeer = (x: PeeringEnds, y: PeeringEnds): boolean => otherEnd(x, vpcId) === otherEnd(y, vpcId);
      for (const { a, b } of findOverlaps(cross, samePeer)) yield violation(vpcId, a, b);
      const crossSet = new CidrSet(cross);
      for (const item of same) {
        for (const hit of crossSet.overlapping(item.cidr)) if (!samePeer(hit.owner, item.owner)) yield violation(vpcId, item, hit);
      }
    }
  },
};

function violation(vpcId: string, a: OwnedCidr<PeeringEnds>, b: OwnedCidr<PeeringEnds>): RuleViolation {
  // Report on the cross-region peering (the later one by ID when both are).
  const [at, other] =
    a.owner.crossRegion !== b.owner.crossRegion
      ? a.owner.crossRegion ? [a, b] : [b, a]
      : a.owner.peering.logicalId > b.owner.peering.logicalId ? [a, b] : [b, a];
  const vpc = at.owner.requester.logicalId === vpcId ? at.owner.requester : at.owner.accepter;
  return {
    resource: at.owner.peering.logicalId,
    property: at.owner.requester.logicalId === vpcId ? "accepterVpc" : "requesterVpc",
    message: `VPC '${vpc.path}' peers across regions with '${otherEnd(at.owner, vpcId).path}' (${at.cidr.text}) and also with '${otherEnd(other.owner, vpcId).path}' (${other.cidr.text}) through '${other.owner.peering.path}'; with cross-region peering the peers of one VPC must not overlap: renumber one of the peer VPCs.`,
  };
}
