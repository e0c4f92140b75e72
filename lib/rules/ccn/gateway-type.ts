import { seed } from "../../core/provenance";
import { resolve } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-CCN-001: only CCN-type VPN gateways attach to a CCN. */
export const attachedGatewayIsCcnType: Rule = {
  id: "HL-CCN-001",
  title: "A VPN gateway attached to a CCN is CCN-type",
  severity: "error",
  source: seed("000", "该场景下，用户可以创建 CCN 型 VPN 网关，并关联至云联网，实现流量全互通。", "Here the user creates a CCN-type VPN gateway and attaches it to the CCN for full connectivity."),
  rationale: "A VPC-type gateway delivers into its own VPC; only a CCN-type gateway exchanges routes with a CCN, so attaching a VPC-type gateway is refused.",
  fix: "Create the gateway with type 'CCN' (and no VPC) to attach it, or attach its VPC to the CCN instead.",
  *check(context) {
    for (const attachment of context.index.ofType("CcnAttachment")) {
      const gateway = resolve(context.index, refId(propsOf(attachment).instance), "VpnGateway");
      if (!gateway || propsOf(gateway).type === "CCN") continue;
      yield {
        resource: attachment.logicalId,
        property: "instance",
        message: `Gateway '${gateway.path}' is ${String(propsOf(gateway).type)}-type; only CCN-type gateways attach to a CCN: create it with type 'CCN' (no VPC), or attach its VPC instead.`,
      };
    }
  },
};
