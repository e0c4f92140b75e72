import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-006: both VPCs are in regions that offer peering. */
export const peeringRegionSupported: Rule = {
  id: "HL-PEER-006",
  title: "Peering is offered in both VPCs' regions",
  severity: "error",
  source: "003_75af117516b25042.txt (对等连接不支持地域: 华东地区（上海金融）)",
  rationale: "Peering is not available in some regions (ap-shanghai-fsi, the Shanghai finance zone); a peering from or to a VPC there cannot be created.",
  fix: "Connect the VPC in that region another way (VPN or CCN), or move the VPC to a region that offers peering.",
  *check(context) {
    for (const ends of peeringEnds(context)) {
      for (const [side, vpc, region] of [
        ["requesterVpc", ends.requester, ends.requesterRegion],
        ["accepterVpc", ends.accepter, ends.accepterRegion],
      ] as const) {
        if (region && !region.peeringSupported) {
          yield {
            resource: ends.peering.logicalId,
            property: side,
            message: `VPC '${vpc.path}' is in '${region.name}', where ${context.profile.displayName} does not offer peering; connect it through a VPN gateway or CCN, or use a VPC in another region.`,
          };
        }
      }
    }
  },
};
