import { cloudApi } from "../../core/provenance";
import { resolve } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-017: a connection's VPC is its gateway's VPC, and connections on CCN-type gateways take none. */
export const connectionVpc: Rule = {
  id: "HL-VPN-017",
  title: "Connections on CCN-type gateways take no VPC",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: VpcId", "the VPC of the gateway; not given for a connection on a CCN-type gateway"),
  rationale: "A connection belongs to its gateway's network: on a CCN-type gateway there is no VPC to name, and on a VPC-type gateway any VPC other than the gateway's is wrong.",
  fix: "Remove vpc from connections on CCN-type gateways; on VPC-type gateways use the gateway's VPC (constructs fill it in).",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      const vpc = refId(p.vpc);
      const gateway = resolve(context.index, refId(p.vpnGateway), "VpnGateway");
      if (!vpc || !gateway) continue;
      const g = propsOf(gateway);
      if (g.type === "CCN") {
        yield { resource: connection.logicalId, property: "vpc", message: `The connection names VPC '${vpc}', but gateway '${gateway.path}' is CCN-type and reaches cloud networks through its CCN; remove vpc from the connection.` };
      } else if (refId(g.vpc) && refId(g.vpc) !== vpc) {
        yield { resource: connection.logicalId, property: "vpc", message: `The connection names VPC '${vpc}', but gateway '${gateway.path}' belongs to VPC '${refId(g.vpc)}'; use the gateway's VPC.` };
      }
    }
  },
};
