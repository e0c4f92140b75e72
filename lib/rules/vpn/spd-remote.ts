import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { isSpd, spdBlocks } from "../private/spd";
import { Rule } from "../rule";

/** HL-VPN-013: SPD remote selectors lie inside the IDC site's networks. */
export const spdRemoteInIdc: Rule = {
  id: "HL-VPN-013",
  title: "SPD remote CIDRs lie inside the IDC's networks",
  severity: "error",
  source: seed("001", "因为从阿里云VPN网关的角度看，对端是用户IDC的网段，本端是VPC网段", "Seen from the VPN gateway, the remote side is the IDC's networks and the local side is the VPC's."),
  rationale: "An SPD policy's remote side is the IDC network behind the customer gateway; a remote block the IDC does not have attracts traffic that is dropped at the IDC, and the device's mirrored selectors do not match.",
  fix: "Use the IDC site's CIDRs (or subnets of them) as remote CIDRs, or add the network to the IdcSite.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      if (!isSpd(connection)) continue;
      const site = facts.siteOfConnection(connection);
      if (!site) continue;
      const networks = facts.siteSet(site.logicalId);
      for (const { property, cidr } of spdBlocks(connection, "remoteCidrs")) {
        if (networks.covers(cidr)) continue;
        yield {
          resource: connection.logicalId,
          property,
          message: `SPD remote block ${cidr.text} is not inside IDC site '${site.path}' (${facts.siteCidrs(site.logicalId).map((c) => c.network).join(", ") || "no networks"}); use the site's CIDRs or add ${cidr.network} to the site.`,
        };
      }
    }
  },
};
