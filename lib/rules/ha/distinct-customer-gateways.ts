import { seed } from "../../core/provenance";
import { redundantGroups } from "../private/ha";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-HA-005: the tunnels of a pair end on distinct customer gateways. */
export const distinctCustomerGateways: Rule = {
  id: "HL-HA-005",
  title: "An active/standby pair uses two distinct customer gateways",
  severity: "error",
  source: seed("001", "两个用户网关同时连接一个阿里云VPN网关，每个用户网关与VPN网关建立一条IPsec隧道", "Two customer gateways connect to one VPN gateway, each customer gateway building one IPsec tunnel with it."),
  rationale: "The standby tunnel protects against a device failure only if it ends on another device; two tunnels to one customer gateway fail together.",
  fix: "Terminate the standby connection on the IDC's second device (a second customer gateway with its own public IP).",
  *check(context) {
    for (const group of redundantGroups(context)) {
      const byCustomerGateway = new Map<string, string>();
      for (const { route, connection } of group.members) {
        const cgw = connection ? refId(propsOf(connection).customerGateway) : undefined;
        if (!cgw) continue;
        const earlier = byCustomerGateway.get(cgw);
        // The same connection twice is a duplicate route (HL-VPN-019), not a shared device.
        if (earlier !== undefined && earlier !== connection!.logicalId) {
          yield {
            resource: route.logicalId,
            property: "nextHop",
            message: `Routes to ${group.destination} on gateway '${group.gateway.path}' use connections '${earlier}' and '${connection!.path}', which both end on customer gateway '${cgw}'; one device failure takes both down: end the standby on a second device.`,
          };
        } else if (earlier === undefined) {
          byCustomerGateway.set(cgw, connection!.logicalId);
        }
      }
    }
  },
};
