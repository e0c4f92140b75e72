import { seed } from "../../core/provenance";
import { parsedCidr, propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-HA-008: routes of one gateway to one destination go through different connections. */
export const distinctConnections: Rule = {
  id: "HL-HA-008",
  title: "Routes to one destination on a gateway use different connections",
  severity: "error",
  source: seed(
    "001",
    "|本地网关的私网网段|IPsec连接实例2|是|0|",
    "The standby route to the same destination goes through IPsec connection 2 (the active one, weight 100, through connection 1): the two routes of a pair use two connections. That the engine refuses a second route through the same connection (InvalidParameterValue.Duplicate) is its own rule.",
  ),
  rationale: "A standby route through the active route's own connection protects nothing, and the engine refuses it half-way through up.",
  fix: "Send the standby route through the other connection of the pair (to the IDC's second device), or remove the duplicate route.",
  *check(context) {
    const seen = new Map<string, string>();
    const routes = [...context.index.ofType("VpnGatewayRoute")].sort((a, b) => (a.logicalId < b.logicalId ? -1 : 1));
    for (const route of routes) {
      const p = propsOf(route);
      const gateway = refId(p.vpnGateway);
      const connection = refId(p.nextHop);
      const destination = parsedCidr(p.destinationCidr);
      if (!gateway || !connection || !destination) continue;
      const key = `${gateway}|${destination.network}|${connection}`;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, route.logicalId);
        continue;
      }
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message: `Route '${context.index.tryGet(earlier)?.path ?? earlier}' already sends ${destination.network} through connection '${context.index.tryGet(connection)?.path ?? connection}'; a second route through the same connection is a duplicate. Use the pair's other connection, or remove it.`,
      };
    }
  },
};
