import { assumption } from "../../core/provenance";
import { coveredBy } from "../../net/cidr";
import { factsOf } from "../private/facts";
import { parsedCidrs, propsOf, refId } from "../private/read";
import { isSpd, spdBlocks } from "../private/spd";
import { Rule, RuleViolation } from "../rule";

/** HL-VPN-026: a route-based connection's traffic selectors lie inside the VPC's and the IDC's networks. */
export const routeSelectorsInside: Rule = {
  id: "HL-VPN-026",
  title: "Route-based connections' traffic selectors lie inside both ends' networks",
  severity: "error",
  source: assumption(
    "the engine checks a connection's selectors (spdPolicies) whatever its route type — local blocks inside the gateway's VPC, remote blocks inside the IDC site — because the device configuration mirrors them as the IDC's phase-2 selectors; a selector wider than the site would make the IDC claim networks it does not have. The SPD rules (HL-VPN-012/013, seeds 000 and 001) cover policy-based connections.",
  ),
  rationale:
    "A route-based connection with selectors wider than the IDC's networks passes the SPD rules (which look at SPD connections only) and is refused by the engine half-way through up, after the gateway and customer gateway exist.",
  fix: "Give the selectors the VPC's CIDRs as local blocks and the IDC site's CIDRs as remote blocks (or parts of them), add the network to the IdcSite, or leave spdPolicies out of a route-based connection.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      if (isSpd(connection)) continue;
      const out: RuleViolation[] = [];
      const gateway = context.index.tryGet(refId(propsOf(connection).vpnGateway) ?? "");
      const vpc = gateway ? context.index.tryGet(refId(propsOf(gateway).vpc) ?? "") : undefined;
      if (vpc && propsOf(gateway!).type === "VPC") {
        const cloud = parsedCidrs(propsOf(vpc).cidrs);
        for (const { property, cidr } of spdBlocks(connection, "localCidrs")) {
          if (coveredBy(cidr, cloud)) continue;
          out.push({ resource: connection.logicalId, property, message: `Local selector ${cidr.text} is not inside VPC '${vpc.path}' (${cloud.map((c) => c.network).join(", ")}); use the VPC's CIDRs or parts of them.` });
        }
      }
      const site = facts.siteOfConnection(connection);
      if (site) {
        // One site block must hold the selector (as the engine checks), not the union of several.
        const blocks = facts.siteCidrs(site.logicalId);
        for (const { property, cidr } of spdBlocks(connection, "remoteCidrs")) {
          if (coveredBy(cidr, blocks)) continue;
          const own = blocks.map((c) => c.network);
          out.push({ resource: connection.logicalId, property, message: `Remote selector ${cidr.text} is not inside IDC site '${site.path}' (${own.join(", ") || "no networks"}); use the site's CIDRs or parts of them, or add ${cidr.network} to the site.` });
        }
      }
      yield* out;
    }
  },
};
