import { cloudApi } from "../../core/provenance";
import { factsOf, resolve } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-024: a VPC route through a VPN gateway uses a VPC-type gateway of the same VPC. */
export const vpcRouteViaOwnGateway: Rule = {
  id: "HL-VPN-024",
  title: "VPC routes via a VPN gateway use a gateway of that VPC",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateRoutes: Routes.N.GatewayType VPN, GatewayId", "a VPC route's VPN next hop is a VPN gateway of that VPC"),
  rationale: "A VPC route table can only send traffic to a VPN gateway attached to the same VPC; a CCN-type gateway, or another VPC's gateway, is not a valid next hop.",
  fix: "Use the VPC's own VPC-type gateway as the next hop; reach CCN-type gateways through a route via the CCN.",
  *check(context) {
    const facts = factsOf(context);
    for (const { route, vpcId, nextHopType, nextHopId } of facts.vpcRoutes) {
      if (nextHopType !== "VPN_GATEWAY" || !vpcId) continue;
      const gateway = resolve(context.index, nextHopId, "VpnGateway");
      if (!gateway) continue;
      const g = propsOf(gateway);
      if (g.type === "VPC" && refId(g.vpc) === vpcId) continue;
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message:
          g.type === "CCN"
            ? `Next hop '${gateway.path}' is a CCN-type gateway, which a VPC route cannot target; route via the CCN the gateway is attached to instead.`
            : `Next hop '${gateway.path}' belongs to VPC '${refId(g.vpc) ?? "none"}', not to this route table's VPC '${vpcId}'; use a VPN gateway of '${vpcId}'.`,
      };
    }
  },
};
