import { cloudApi } from "../../core/provenance";
import { orList, propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-005: the gateway bandwidth is one of the profile's sizes. */
export const gatewayBandwidth: Rule = {
  id: "HL-VPN-005",
  title: "VPN gateway bandwidth is one of the offered sizes",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnGateway: InternetMaxBandwidthOut", "gateway bandwidth is one of the sizes offered (5, 10, 20, 50, 100, 200, 500, 1000 Mbps)"),
  rationale: "Gateway bandwidth is sold in fixed sizes (5, 10, 20, 50, 100, 200, 500, 1000 Mbps); other values are refused.",
  fix: "Pick the next size up from the list in the message.",
  *check(context) {
    const sizes = context.profile.vpnGatewayBandwidthsMbps;
    if (context.profile.vpnGatewayTypes.length === 0) return; // HL-VPN-006 reports gateways on such clouds
    for (const gateway of context.index.ofType("VpnGateway")) {
      const bandwidth = propsOf(gateway).bandwidthMbps;
      if (typeof bandwidth === "number" && sizes.includes(bandwidth)) continue;
      const up = typeof bandwidth === "number" ? sizes.find((s) => s >= bandwidth) : undefined;
      yield {
        resource: gateway.logicalId,
        property: "bandwidthMbps",
        message: `bandwidthMbps is ${String(bandwidth)}; ${context.profile.displayName} offers ${orList(sizes)} Mbps${up !== undefined ? `: use ${up}` : ""}.`,
      };
    }
  },
};
