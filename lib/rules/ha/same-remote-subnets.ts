import { seed } from "../../core/provenance";
import { ManifestResource } from "../../core/manifest";
import { factsOf, NetworkFacts } from "../private/facts";
import { redundantGroups } from "../private/ha";
import { parsedCidrs, propsOf } from "../private/read";
import { isSpd, spdBlocks } from "../private/spd";
import { Rule } from "../rule";

/** HL-HA-006: the tunnels of a pair carry the same remote (IDC) subnets. */
export const sameRemoteSubnets: Rule = {
  id: "HL-HA-006",
  title: "An active/standby pair carries the same remote subnets",
  severity: "error",
  source: seed("001", "|本地网关的私网网段|IPsec连接实例2|是|0|", "The standby route has the same destination (the local gateway's private network) as the active one, via IPsec connection 2, weight 0."),
  rationale: "After failover the standby tunnel must carry what the active one did; when its remote subnets differ, traffic to the missing subnets is dropped by the standby's selectors.",
  fix: "Give both connections the same remote subnets (the same SPD remote CIDRs, or customer gateways of the same IDC site).",
  *check(context) {
    const facts = factsOf(context);
    for (const group of redundantGroups(context)) {
      let first: { path: string; subnets: string } | undefined;
      const seen = new Set<string>();
      for (const { route, connection } of group.members) {
        if (!connection || seen.has(connection.logicalId)) continue;
        seen.add(connection.logicalId);
        const subnets = remoteSubnets(facts, connection);
        if (subnets === undefined) continue;
        if (!first) {
          first = { path: connection.path, subnets };
          continue;
        }
        if (subnets === first.subnets) continue;
        yield {
          resource: route.logicalId,
          property: "nextHop",
          message: `Routes to ${group.destination} on gateway '${group.gateway.path}' pair '${first.path}' (remote ${first.subnets || "none"}) with '${connection.path}' (remote ${subnets || "none"}); both tunnels of a pair must carry the same remote subnets.`,
        };
      }
    }
  },
};

/** What a connection carries on the IDC side: SPD remote blocks, the device's local blocks, or its site's networks. */
function remoteSubnets(facts: NetworkFacts, connection: ManifestResource<"VpnConnection">): string | undefined {
  let blocks: string[];
  const device = propsOf(connection).customerDevice as Record<string, unknown> | undefined;
  if (isSpd(connection)) blocks = spdBlocks(connection, "remoteCidrs").map((b) => b.cidr.network);
  else if (device && Array.isArray(device.localCidrs)) blocks = parsedCidrs(device.localCidrs).map((c) => c.network);
  else {
    const site = facts.siteOfConnection(connection);
    if (!site) return undefined;
    blocks = facts.siteCidrs(site.logicalId).map((c) => c.network);
  }
  return [...new Set(blocks)].sort().join(", ");
}
