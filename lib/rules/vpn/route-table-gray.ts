import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-015: tencent's VPN route table is a gray-release feature that needs a ticket. */
export const routeTableGrayRelease: Rule = {
  id: "HL-VPN-015",
  title: "VPN route tables are a gray-release feature (tencent)",
  severity: "warning",
  source: seed("000", "VPN 的路由表功能当前处于灰度测试中，如需使用，请提交 [工单申请]", "The VPN route table is in gray release; to use it, submit a ticket."),
  rationale:
    "On Tencent Cloud, VPN gateway route tables (route-table connections and destination routes) are in gray release: the account must be enabled by a ticket before deploy, or the calls fail. " +
    "The simulated cloud checks it too: it refuses them for an account that has not been granted the feature vpn-route-table, and `up` stops before its first create.",
  fix:
    "Open the ticket to enable VPN route tables for the account; in the simulator, grant it (hybridlink account feature grant vpn-route-table --account <id> --ticket <reference>). " +
    "Then acknowledge HL-VPN-015 on the gateway (or the app) with the ticket reference. Or use SPD connections only.",
  *check(context) {
    if (!context.profile.vpnRouteTableGrayRelease) return;
    const facts = factsOf(context);
    for (const gateway of context.index.ofType("VpnGateway")) {
      const routeConnections = facts.connectionsOf(gateway.logicalId).filter((c) => propsOf(c).routeType === "ROUTE");
      const routes = facts.gatewayRoutesOf(gateway.logicalId);
      if (routeConnections.length === 0 && routes.length === 0) continue;
      yield {
        resource: gateway.logicalId,
        message: `Gateway uses the VPN route table (${routeConnections.length} route-table connection${routeConnections.length === 1 ? "" : "s"}, ${routes.length} destination route${routes.length === 1 ? "" : "s"}), a gray-release feature on ${context.profile.displayName}: account ${gateway.account} needs it enabled by ticket (in the simulator: hybridlink account feature grant vpn-route-table --account ${gateway.account} --ticket <reference> --cloud ${context.profile.name}), then acknowledge HL-VPN-015 with the ticket reference.`,
      };
    }
  },
};
