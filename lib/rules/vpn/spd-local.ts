import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { isSpd, spdBlocks } from "../private/spd";
import { Rule } from "../rule";
import { idcSitesOnGateway } from "./idc-transit";

/** HL-VPN-012: SPD local selectors lie inside the cloud networks the gateway reaches. */
export const spdLocalInCloud: Rule = {
  id: "HL-VPN-012",
  title: "SPD local CIDRs lie inside the cloud networks",
  severity: "error",
  source: seed("001", "因为从阿里云VPN网关的角度看，对端是用户IDC的网段，本端是VPC网段", "Seen from the VPN gateway, the remote side is the IDC's networks and the local side is the VPC's."),
  rationale: "An SPD policy's local side is the cloud network the tunnel serves (the VPC, or the networks on the CCN of a CCN-type gateway); a local block outside it matches no cloud traffic and its return traffic is never admitted.",
  fix: "Use the VPC's CIDRs (or subnets of them) as local CIDRs; for a CCN-type gateway, the CIDRs of networks on its CCN.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      if (!isSpd(connection)) continue;
      const gatewayId = refId(propsOf(connection).vpnGateway);
      if (!gatewayId || !context.index.tryGet(gatewayId)) continue;
      const cloud = facts.cloudNetworks(gatewayId);
      const otherSites = idcSitesOnGateway(context, gatewayId);
      const own = facts.siteOfConnection(connection)?.logicalId;
      for (const { property, cidr } of spdBlocks(connection, "localCidrs")) {
        if (cloud.covers(cidr)) continue;
        if (otherSites.overlapping(cidr).some((hit) => hit.owner !== own)) continue; // HL-VPN-014 names the transit
        const networks = cloud.members.map((m) => m.cidr.network);
        yield {
          resource: connection.logicalId,
          property,
          message: `SPD local block ${cidr.text} is not inside the cloud networks of gateway '${context.index.tryGet(gatewayId)?.path}' (${networks.length ? networks.join(", ") : "none: a CCN-type gateway not attached to a CCN reaches no cloud network"}); use ${networks.length ? "those CIDRs or subnets of them" : "ROUTE mode for IDC-only transit"}.`,
        };
      }
    }
  },
};
