import { cloudApi } from "../../core/provenance";
import { orList, propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-006: the gateway type is one the cloud offers. */
export const gatewayTypeOffered: Rule = {
  id: "HL-VPN-006",
  title: "VPN gateway type is offered by the cloud",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnGateway: Type", "VPC-attached (IPSEC) and CCN gateways; the CCB profile models no VPN"),
  rationale: "Tencent offers VPC-type and CCN-type gateways, Alibaba VPC-attached gateways only, and the CCB profile no VPN at all; other types cannot be created.",
  fix: "Use a gateway type from the message, or connect the IDC through the cloud that offers the type you need.",
  *check(context) {
    const offered = context.profile.vpnGatewayTypes;
    for (const gateway of context.index.ofType("VpnGateway")) {
      const type = propsOf(gateway).type;
      if (typeof type === "string" && (offered as readonly string[]).includes(type)) continue;
      yield {
        resource: gateway.logicalId,
        property: "type",
        message:
          offered.length === 0
            ? `${context.profile.displayName} offers no VPN gateways (the '${context.profile.name}' profile has none); remove the gateway or use another profile.`
            : `Gateway type is ${typeof type === "string" ? `'${type}'` : String(type)}; ${context.profile.displayName} offers ${orList(offered)}.`,
      };
    }
  },
};
