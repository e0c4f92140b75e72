import { seed } from "../../core/provenance";
import { resolve } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-004: a VPC-type VPN gateway is in its VPC's region. */
export const gatewayInVpcRegion: Rule = {
  id: "HL-VPN-004",
  title: "A VPN gateway is in its VPC's region",
  severity: "error",
  source: seed("001", "确保VPC的地域和VPN网关的地域相同。", "Make sure the VPC's region and the VPN gateway's region are the same."),
  rationale: "A VPN gateway is a regional resource attached to a VPC of the same region; one in another region cannot be attached.",
  fix: "Create the gateway in the VPC's region (leave region unset to take the VPC's).",
  *check(context) {
    for (const gateway of context.index.ofType("VpnGateway")) {
      const p = propsOf(gateway);
      const vpc = resolve(context.index, refId(p.vpc), "Vpc");
      const vpcRegion = vpc ? propsOf(vpc).region : undefined;
      if (!vpc || typeof p.region !== "string" || typeof vpcRegion !== "string" || p.region === vpcRegion) continue;
      yield {
        resource: gateway.logicalId,
        property: "region",
        message: `Gateway region '${p.region}' differs from VPC '${vpc.path}' region '${vpcRegion}'; create the gateway in '${vpcRegion}' (omit region to take the VPC's).`,
      };
    }
  },
};
