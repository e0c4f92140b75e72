import { seed } from "../../core/provenance";
import { ManifestResource } from "../../core/manifest";
import { OwnedCidr } from "../../net/cidr";
import { CidrSet } from "../private/cidr-set";
import { factsOf, resolve } from "../private/facts";
import { parsedCidr, propsOf, refId } from "../private/read";
import { isSpd, spdBlocks } from "../private/spd";
import { Rule, RuleContext } from "../rule";

const siteCache = new WeakMap<object, Map<string, CidrSet<string>>>();

/** The networks of every IDC site with a connection on the gateway, owned by site ID (cached per manifest). */
export function idcSitesOnGateway(context: RuleContext, gatewayId: string): CidrSet<string> {
  let byGateway = siteCache.get(context.index);
  if (!byGateway) {
    byGateway = new Map();
    siteCache.set(context.index, byGateway);
  }
  let set = byGateway.get(gatewayId);
  if (!set) {
    const facts = factsOf(context);
    const seen = new Set<string>();
    const blocks: OwnedCidr<string>[] = [];
    for (const connection of facts.connectionsOf(gatewayId)) {
      const site = facts.siteOfConnection(connection);
      if (!site || seen.has(site.logicalId)) continue;
      seen.add(site.logicalId);
      for (const cidr of facts.siteCidrs(site.logicalId)) blocks.push({ cidr, owner: site.logicalId });
    }
    set = new CidrSet(blocks);
    byGateway.set(gatewayId, set);
  }
  return set;
}

/** HL-VPN-014: IDC-to-IDC transit goes through route-table connections, never SPD. */
export const noSpdIdcTransit: Rule = {
  id: "HL-VPN-014",
  title: "IDC-to-IDC transit needs route-table mode, not SPD",
  severity: "error",
  source: seed("000", "该方式无法实现路由选路，因此无法中转流量", "SPD cannot choose routes, so it cannot carry transit traffic."),
  rationale:
    "An SPD connection only admits traffic from its remote (IDC) blocks to its local (cloud) blocks, so it cannot carry one IDC's traffic to another IDC (scenario 6). Transit between IDCs (scenarios 2 and 3) needs route-table (ROUTE) connections and gateway routes. Several SPD connections on one gateway are fine as long as nothing asks them to transit.",
  fix: "Use routeType 'ROUTE' with gateway routes for every connection that carries IDC-to-IDC traffic, or keep the IDCs apart (drop the other IDC's blocks from the SPD policy / the gateway route).",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      if (!isSpd(connection)) continue;
      const gatewayId = refId(propsOf(connection).vpnGateway);
      if (!gatewayId) continue;
      const own = facts.siteOfConnection(connection)?.logicalId;
      const sites = idcSitesOnGateway(context, gatewayId);
      for (const { property, cidr } of spdBlocks(connection, "localCidrs")) {
        for (const hit of sites.overlapping(cidr)) {
          if (hit.owner === own) continue;
          yield {
            resource: connection.logicalId,
            property,
            message: `SPD local block ${cidr.text} covers IDC site '${context.index.tryGet(hit.owner)?.path}' (${hit.cidr.text}), another IDC on this gateway: SPD cannot transit IDC-to-IDC traffic. Use routeType 'ROUTE' and gateway routes for both IDCs' connections, or keep only cloud CIDRs in localCidrs.`,
          };
        }
      }
    }
    // Per gateway, once: its route-table connections (their IDCs' traffic follows the gateway routes).
    const routeModeByGateway = new Map<string, ManifestResource<"VpnConnection">[]>();
    const routeModeOn = (gatewayId: string): ManifestResource<"VpnConnection">[] => {
      let list = routeModeByGateway.get(gatewayId);
      if (!list) {
        list = facts.connectionsOf(gatewayId).filter((c) => !isSpd(c));
        routeModeByGateway.set(gatewayId, list);
      }
      return list;
    };
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const p = propsOf(route);
      const target = resolve(context.index, refId(p.nextHop), "VpnConnection");
      const gatewayId = refId(p.vpnGateway);
      const destination = parsedCidr(p.destinationCidr);
      if (!target || !gatewayId || !destination || !isSpd(target)) continue;
      const targetSite = facts.siteOfConnection(target)?.logicalId;
      // Traffic from route-mode connections of other IDCs follows gateway routes into this SPD tunnel.
      const source = routeModeOn(gatewayId).find((c) => facts.siteOfConnection(c)?.logicalId !== targetSite);
      if (!source) continue;
      const from = facts.siteOfConnection(source);
      yield {
        resource: route.logicalId,
        property: "nextHop",
        message: `The route sends ${destination.text} into SPD connection '${target.path}', and route-table connection '${source.path}'${from ? ` (IDC '${from.path}')` : ""} on the same gateway forwards by these routes: that IDC's traffic would enter an SPD tunnel, which drops it. Switch '${target.path}' to routeType 'ROUTE', or remove this route (its SPD policies already steer cloud traffic).`,
      };
    }
  },
};
