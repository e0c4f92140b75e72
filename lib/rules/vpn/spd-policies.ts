import { seed } from "../../core/provenance";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-021: a policy-based connection has at least one policy with both sides. */
export const spdNeedsPolicy: Rule = {
  id: "HL-VPN-021",
  title: "SPD connections have policies with local and remote CIDRs",
  severity: "error",
  source: seed("000", "基于 SPD 策略路由，匹配数据流的源网段、目的网段，按照设定好的转发策略进行转发", "SPD policy routing matches a flow's source and destination networks and forwards by the configured policy."),
  rationale: "An SPD connection forwards only traffic that matches a policy's local → remote blocks; with no policy, or a policy missing one side, nothing matches and the tunnel carries nothing.",
  fix: "Give spdPolicies [{ localCidrs: [VPC CIDR], remoteCidrs: [IDC CIDR] }], or use routeType 'ROUTE' with gateway routes.",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      if (p.routeType !== "SPD") continue;
      const policies = Array.isArray(p.spdPolicies) ? (p.spdPolicies as Array<Record<string, unknown> | null>) : [];
      if (policies.length === 0) {
        yield { resource: connection.logicalId, property: "spdPolicies", message: "routeType is 'SPD' but spdPolicies is empty; add a policy { localCidrs: [cloud CIDR], remoteCidrs: [IDC CIDR] } or use routeType 'ROUTE'." };
        continue;
      }
      for (let i = 0; i < policies.length; i++) {
        for (const side of ["localCidrs", "remoteCidrs"] as const) {
          const list = policies[i]?.[side];
          if (Array.isArray(list) && list.length > 0) continue;
          yield { resource: connection.logicalId, property: `spdPolicies[${i}].${side}`, message: `spdPolicies[${i}].${side} is empty; an SPD policy needs at least one ${side === "localCidrs" ? "cloud" : "IDC"} block.` };
        }
      }
    }
  },
};
