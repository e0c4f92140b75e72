import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-001: an IDC's networks do not overlap the cloud networks its tunnel reaches. */
export const idcCloudOverlap: Rule = {
  id: "HL-VPN-001",
  title: "IDC networks do not overlap the cloud networks reached through the gateway",
  severity: "error",
  source: seed("001", "本地数据中心的网段和专有网络的网段不能重叠。", "The data centre's networks and the VPC's networks must not overlap."),
  rationale:
    "An address that is both in the IDC and in the VPC (or any VPC / direct-connect network on the CCN a CCN-type gateway is attached to) is delivered locally on each side and never crosses the tunnel.",
  fix: "Renumber the IDC network or the cloud network so they are disjoint, or leave the overlapping network out of the connection.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      const gatewayId = refId(propsOf(connection).vpnGateway);
      const site = facts.siteOfConnection(connection);
      if (!gatewayId || !site) continue;
      const cloud = facts.cloudNetworks(gatewayId);
      for (const block of facts.siteCidrs(site.logicalId)) {
        for (const hit of cloud.overlapping(block)) {
          yield {
            resource: connection.logicalId,
            property: "customerGateway",
            message: `IDC site '${site.path}' network ${block.text} overlaps ${context.index.tryGet(hit.owner)?.type ?? "network"} '${context.index.tryGet(hit.owner)?.path ?? hit.owner}' (${hit.cidr.text}), reached through gateway '${context.index.tryGet(gatewayId)?.path ?? gatewayId}'; IDC and cloud networks must be disjoint: renumber one of them.`,
          };
        }
      }
    }
  },
};
