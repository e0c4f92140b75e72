import { valueText } from "../../core/errors";
import { seed } from "../../core/provenance";
import { preferenceRank } from "../../core/profiles";
import { factsOf } from "../private/facts";
import { parsedCidr, propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-019: routes to one destination on one gateway differ in preference. */
export const routePreferenceDistinct: Rule = {
  id: "HL-VPN-019",
  title: "Routes to one destination on a gateway differ in preference",
  severity: "error",
  source: seed("000", "VPN 网关路由表配置两条目的端一致的路由，通过优先级控制，实现主备通道效果", "The VPN gateway's route table holds two routes to the same destination; their priority makes one active and one standby."),
  rationale: "Two routes to the same destination on one gateway are an active/standby pair only when their preferences differ; with equal preference the choice is undefined and failover cannot be controlled (the cloud refuses the duplicate).",
  fix: "Mark one route active and the other standby (priority 0 / 100 on tencent, weight 100 / 0 on alibaba), or remove the duplicate.",
  *check(context) {
    const facts = factsOf(context);
    for (const gateway of context.index.ofType("VpnGateway")) {
      const seen = new Map<string, string>();
      for (const route of [...facts.gatewayRoutesOf(gateway.logicalId)].sort((a, b) => (a.logicalId < b.logicalId ? -1 : 1))) {
        const p = propsOf(route);
        const destination = parsedCidr(p.destinationCidr);
        if (!destination) continue;
        const rank = preferenceRank(context.profile, p);
        const key = `${destination.network} ${rank}`;
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, route.logicalId);
          continue;
        }
        const field = context.profile.routePreference.field;
        yield {
          resource: route.logicalId,
          property: field,
          message: `Route '${earlier}' on this gateway already goes to ${destination.network} with the same ${field} (${valueText(p[field] ?? "default")}); give one of them the standby value to make an active/standby pair, or remove the duplicate.`,
        };
      }
    }
  },
};
