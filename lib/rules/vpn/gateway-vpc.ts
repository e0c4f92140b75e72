import { cloudApi } from "../../core/provenance";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-016: a VPC-type gateway has a VPC; a CCN-type gateway has none. */
export const gatewayVpcByType: Rule = {
  id: "HL-VPN-016",
  title: "VPC-type gateways need a VPC; CCN-type gateways take none",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnGateway: VpcId, Type", "a VPC-type gateway names its VPC; a CCN-type gateway is created without one"),
  rationale: "A VPC-type gateway delivers into the one VPC it is attached to; a CCN-type gateway reaches cloud networks through a CCN instead and cannot be bound to a VPC.",
  fix: "Give a VPC-type gateway its vpc; remove vpc from a CCN-type gateway and attach it to a CCN (or leave it unattached for IDC-only transit).",
  *check(context) {
    for (const gateway of context.index.ofType("VpnGateway")) {
      const p = propsOf(gateway);
      const vpc = refId(p.vpc);
      if (p.type === "CCN" && vpc) {
        yield { resource: gateway.logicalId, property: "vpc", message: `A CCN-type gateway takes no VPC, but vpc is '${vpc}'; remove vpc and attach the gateway to a CCN, or use type 'VPC'.` };
      } else if (p.type === "VPC" && !vpc) {
        yield { resource: gateway.logicalId, property: "vpc", message: "A VPC-type gateway needs the VPC it delivers into, but vpc is missing; set vpc, or use type 'CCN' for a gateway that reaches cloud networks through a CCN." };
      }
    }
  },
};
