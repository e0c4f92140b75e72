import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { tryPeeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-013: only the two VPCs of a peering can route through it. */
export const peeringRouteFromEnd: Rule = {
  id: "HL-PEER-013",
  title: "Only the peered VPCs route through a peering",
  severity: "error",
  source: seed("003", "要使对等连接两端实现真正的通信，您必须在发起端和接收端的相关路由表上配置指向对端的路由规则。", "For the two ends of a peering to communicate, you must configure routes pointing at the peer in the route tables of the requester and the accepter."),
  rationale: "A peering is a link between exactly two VPCs; a route table of a third VPC cannot use it as a next hop, and the cloud refuses the route.",
  fix: "Move the route to a route table of one of the peered VPCs, or peer the third VPC directly.",
  *check(context) {
    const facts = factsOf(context);
    for (const { route, vpcId, nextHopType, nextHopId } of facts.vpcRoutes) {
      if (nextHopType !== "PEERING" || !vpcId) continue;
      const ends = tryPeeringEnds(context, nextHopId);
      if (!ends || vpcId === ends.requester.logicalId || vpcId === ends.accepter.logicalId) continue;
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message: `The route is in a table of VPC '${context.index.tryGet(vpcId)?.path ?? vpcId}', but peering '${ends.peering.path}' connects '${ends.requester.path}' and '${ends.accepter.path}'; move the route to one of those VPCs or peer '${context.index.tryGet(vpcId)?.path ?? vpcId}' directly.`,
      };
    }
  },
};
