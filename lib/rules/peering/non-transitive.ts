import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { otherEnd, tryPeeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-012: a route through a peering targets the peer VPC's own CIDRs. */
export const peeringNotTransitive: Rule = {
  id: "HL-PEER-012",
  title: "Routes through a peering target the peer VPC only",
  severity: "warning",
  source: seed("003", "然而由于对等连接的不传递性，VPC 2 和 VPC 3 的流量不能互通。", "Because peering is not transitive, VPC 2 and VPC 3 cannot exchange traffic."),
  rationale:
    "Peering is not transitive: traffic that arrives over a peering is delivered only to the peer VPC's own CIDRs, never forwarded to another peering, VPN or CCN. A route via the peering to any other block is useless (VPC2 cannot reach VPC3 through VPC1).",
  fix: "Narrow the destination to the peer VPC's CIDRs; to reach the other network, peer with it directly or connect both through a CCN.",
  *check(context) {
    const facts = factsOf(context);
    for (const { route, vpcId, nextHopType, nextHopId, destination } of facts.vpcRoutes) {
      if (nextHopType !== "PEERING" || !vpcId || !destination) continue;
      const ends = tryPeeringEnds(context, nextHopId);
      if (!ends) continue;
      if (vpcId !== ends.requester.logicalId && vpcId !== ends.accepter.logicalId) continue; // HL-PEER-013
      const peer = otherEnd(ends, vpcId);
      const peerBlocks = facts.vpcCidrs(peer.logicalId);
      if (facts.vpcSet(peer.logicalId).covers(destination)) continue;
      yield {
        resource: route.logicalId,
        property: "destinationCidr",
        message: `Destination ${destination.text} is not inside peer VPC '${peer.path}' (${peerBlocks.map((c) => c.network).join(", ")}); peering is not transitive, so traffic to the rest of ${destination.text} is dropped at '${peer.path}'. Route only the peer's CIDRs through '${ends.peering.path}', and peer directly (or use a CCN) for other networks.`,
      };
    }
  },
};
