import { assumption } from "../../core/provenance";
import { ManifestResource } from "../../core/manifest";
import { factsOf } from "../private/facts";
import { routeGroups } from "../private/ha";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

type Connection = ManifestResource<"VpnConnection">;

/**
 * The dual-device pairs of one gateway, however they were built (a pattern,
 * low-level constructs, plain JavaScript, a hand-written manifest): for each
 * IDC site, its connections on the gateway when they end on two or more
 * distinct customer gateways.
 */
function dualDeviceSites(connections: readonly Connection[], siteOf: (c: Connection) => string | undefined): Map<string, Connection[]> {
  const bySite = new Map<string, Connection[]>();
  for (const connection of connections) {
    const site = siteOf(connection);
    if (site === undefined) continue;
    bySite.set(site, [...(bySite.get(site) ?? []), connection]);
  }
  const deviceOf = (c: Connection) => refId(propsOf(c).customerGateway);
  for (const [site, list] of bySite) if (new Set(list.map(deviceOf)).size < 2) bySite.delete(site);
  return bySite;
}

/** HL-HA-009: every active route through one device of a dual-device IDC has its standby through another. */
export const activeHasStandby: Rule = {
  id: "HL-HA-009",
  title: "Every active route of a dual-device pair has its standby",
  severity: "warning",
  source: assumption(
    "reading two connections from one gateway to two devices of one IDC as an active/standby pair is how every seed scenario with two devices is built (seed 001: 用户侧部署两个用户网关, one destination route per IPsec connection, weight 100 and 0; seed 000 scenario 5: 两条目的端一致的路由); a deliberate split (each device carrying different networks, no failover) acknowledges this warning.",
  ),
  rationale:
    "A pair protects only the destinations that have both routes: a destination routed through one device alone is lost with that device, however the pair was built (the pattern, constructs by hand, plain JavaScript, a hand-written manifest).",
  fix: "Add the standby route (priority 100 on tencent, weight 0 on alibaba) to the same destination through the connection to the IDC's other device, enable it if it is disabled, or acknowledge HL-HA-009 with the reason the split is deliberate.",
  *check(context) {
    const facts = factsOf(context);
    const { field } = context.profile.routePreference;
    const standbyValue = context.profile.routePreference.allowed.find((v) => v !== context.profile.routePreference.preferred);
    const groups = routeGroups(context);
    for (const gateway of context.index.ofType("VpnGateway")) {
      const pairs = dualDeviceSites(facts.connectionsOf(gateway.logicalId), (c) => facts.siteOfConnection(c)?.logicalId);
      if (pairs.size === 0) continue;
      for (const group of groups) {
        if (group.gateway !== gateway) continue;
        for (const [site, connections] of pairs) {
          const members = group.members.filter((m) => m.connection && connections.includes(m.connection));
          const active = members.find((m) => m.rank === 0);
          if (!active) continue; // a lone standby is HL-HA-007's
          const devices = new Set(members.map((m) => refId(propsOf(m.connection!).customerGateway)));
          if (devices.size >= 2) continue;
          const activeDevice = refId(propsOf(active.connection!).customerGateway);
          const others = connections.filter((c) => refId(propsOf(c).customerGateway) !== activeDevice).map((c) => `'${c.path}'`);
          yield {
            resource: active.route.logicalId,
            property: "nextHop",
            message: `Active route to ${group.destination} goes through '${active.connection!.path}' only, but IDC site '${context.index.tryGet(site)?.path ?? site}' also reaches gateway '${gateway.path}' through ${others.join(", ")} (another device): add the standby route to ${group.destination} through ${others[0]} (${field} ${standbyValue}), or acknowledge HL-HA-009 if the split is deliberate.`,
          };
        }
      }
    }
  },
};
