import { assumption } from "../../core/provenance";
import { parsedCidr, propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-ADDR-006: a VPN gateway route is not a default route. */
export const gatewayRouteNotDefault: Rule = {
  id: "HL-ADDR-006",
  title: "VPN gateway routes do not use 0.0.0.0/0",
  severity: "error",
  source: assumption("a default route through a tunnel would pull all Internet-bound traffic into the IDC; the seeds route only the IDC's own networks (本地网关的私网网段)"),
  rationale: "A default route through a tunnel would pull all of the VPC's Internet-bound traffic into the IDC; VPN gateway destination routes must name the IDC networks.",
  fix: "Route the IDC's own networks (e.g. 192.168.0.0/16) instead of 0.0.0.0/0, one route per network.",
  *check(context) {
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const cidr = parsedCidr(propsOf(route).destinationCidr);
      if (cidr && cidr.prefix === 0) {
        yield {
          resource: route.logicalId,
          property: "destinationCidr",
          message: `Destination ${cidr.text} is a default route; a VPN gateway route must name IDC networks (e.g. 192.168.0.0/16): add one route per IDC network instead.`,
        };
      }
    }
  },
};
