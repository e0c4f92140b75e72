import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule, RuleViolation } from "../rule";

/** HL-PEER-006: both VPCs are in regions that offer peering. */
export const peeringRegionSupported: Rule = {
  id: "HL-PEER-006",
  title: "Peering is offered in both VPCs' regions",
  severity: "error",
  source: seed("003", "对等连接不支持地域 |华东地区（上海金融）", "Region where peering is not supported: East China (Shanghai Finance)."),
  rationale: "Peering is not available in some regions (ap-shanghai-fsi, the Shanghai finance zone); a peering from or to a VPC there cannot be created.",
  fix: "Connect the VPC in that region another way (VPN or CCN), or move the VPC to a region that offers peering.",
  *check(context) {
    for (const ends of peeringEnds(context)) {
      if (ends.requesterRegion && !ends.requesterRegion.peeringSupported) {
        yield violation(ends.peering.logicalId, "requesterVpc", ends.requester.path, ends.requesterRegion.name, context.profile.displayName);
      }
      if (ends.accepterRegion && !ends.accepterRegion.peeringSupported) {
        yield violation(ends.peering.logicalId, "accepterVpc", ends.accepter.path, ends.accepterRegion.name, context.profile.displayName);
      }
    }
  },
};

function violation(peering: string, property: string, vpcPath: string, region: string, cloud: string): RuleViolation {
  return {
    resource: peering,
    property,
    message: `VPC '${vpcPath}' is in '${region}', where ${cloud} does not offer peering; connect it through a VPN gateway or CCN, or use a VPC in another region.`,
  };
}
