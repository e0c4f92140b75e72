import { seed } from "../../core/provenance";
import { resolve } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-020: a gateway route's next hop is a connection on the same gateway. */
export const routeNextHopOnGateway: Rule = {
  id: "HL-VPN-020",
  title: "A gateway route's next hop is a connection on the same gateway",
  severity: "error",
  source: seed("001", "选择IPsec连接实例。", "(Next hop:) choose the IPsec connection instance."),
  rationale: "A gateway forwards only into its own tunnels; a route whose next hop is a connection on another gateway is invalid and never forwards.",
  fix: "Add the route to the gateway that owns the connection, or point it at a connection of this gateway.",
  *check(context) {
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const p = propsOf(route);
      const connection = resolve(context.index, refId(p.nextHop), "VpnConnection");
      const gatewayId = refId(p.vpnGateway);
      if (!connection || !gatewayId) continue;
      const owner = refId(propsOf(connection).vpnGateway);
      if (owner === gatewayId) continue;
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message: `Next hop '${connection.path}' is a connection of gateway '${owner}', not of this route's gateway '${gatewayId}'; add the route to '${owner}' or use a connection of '${gatewayId}'.`,
      };
    }
  },
};
