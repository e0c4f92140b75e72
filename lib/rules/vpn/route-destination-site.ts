import { seed } from "../../core/provenance";
import { factsOf, resolve } from "../private/facts";
import { parsedCidr, propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-023: a gateway route sends a destination to the IDC that has it. */
export const routeDestinationInSite: Rule = {
  id: "HL-VPN-023",
  title: "A gateway route's destination is behind its next-hop connection",
  severity: "warning",
  source: seed("001", "输入本地网关的私网网段。", "(Destination:) enter the private network of the local gateway."),
  rationale: "A destination route names the IDC network reached through the tunnel; a destination the IDC behind that tunnel does not have sends traffic to the wrong site, where it is dropped.",
  fix: "Point the route at the connection to the IDC that owns the destination, or add the network to that IdcSite.",
  *check(context) {
    const facts = factsOf(context);
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const p = propsOf(route);
      const connection = resolve(context.index, refId(p.nextHop), "VpnConnection");
      const destination = parsedCidr(p.destinationCidr);
      if (!connection || !destination || destination.prefix === 0) continue;
      const site = facts.siteOfConnection(connection);
      if (!site || facts.siteSet(site.logicalId).covers(destination)) continue;
      yield {
        resource: route.logicalId,
        property: "destinationCidr",
        message: `Destination ${destination.text} is not a network of IDC site '${site.path}' (${facts.siteCidrs(site.logicalId).map((c) => c.network).join(", ") || "no networks"}) behind next hop '${connection.path}'; point the route at the IDC that has it, or add ${destination.network} to '${site.path}'.`,
      };
    }
  },
};
