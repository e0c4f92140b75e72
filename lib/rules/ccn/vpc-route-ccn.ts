import { cloudApi } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-CCN-005: a VPC routes through a CCN only when it is attached to it. */
export const vpcRouteViaAttachedCcn: Rule = {
  id: "HL-CCN-005",
  title: "A VPC routes via a CCN only when attached to it",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateRoutes: Routes.N.GatewayType CCN", "a VPC route via a CCN needs the VPC attached to that CCN"),
  rationale: "Traffic reaches a CCN only from the networks attached to it; a route via a CCN the VPC is not attached to has no next hop.",
  fix: "Attach the VPC to the CCN (ccn.attach(id, vpc)), or route via a CCN the VPC is attached to.",
  *check(context) {
    const facts = factsOf(context);
    for (const { route, vpcId, nextHopType, nextHopId: ccnId } of facts.vpcRoutes) {
      if (nextHopType !== "CCN" || !ccnId || !vpcId || !context.index.tryGet(ccnId)) continue;
      if (facts.attachmentsFor(vpcId).some((a) => refId(propsOf(a).ccn) === ccnId)) continue;
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message: `The route goes via CCN '${context.index.tryGet(ccnId)?.path}', but VPC '${context.index.tryGet(vpcId)?.path ?? vpcId}' is not attached to it; attach the VPC to that CCN or remove the route.`,
      };
    }
  },
};
