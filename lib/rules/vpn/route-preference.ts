import { valueText } from "../../core/errors";
import { cloudApi } from "../../core/provenance";
import { orList, propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-018: a gateway route's preference uses this cloud's field and values. */
export const routePreferenceVocabulary: Rule = {
  id: "HL-VPN-018",
  title: "Gateway route preference uses the cloud's field and values",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnGatewayRoutes: Routes.N.Priority (0 or 100); Alibaba Cloud CreateVpnRouteEntry: Weight (0 or 100)", "Tencent orders routes by priority, Alibaba by weight, each with the two values 0 and 100"),
  rationale: "Tencent orders equal destinations by priority (0 preferred, 100 standby); Alibaba by weight (100 preferred, 0 standby). Other values (50) are refused, and the other cloud's field means nothing here.",
  fix: "Use the field and values in the message (or RoutePreference.ACTIVE / STANDBY, which translate for you).",
  *check(context) {
    const vocabulary = context.profile.routePreference;
    const other = vocabulary.field === "priority" ? "weight" : "priority";
    const standby = vocabulary.allowed.filter((v) => v !== vocabulary.preferred);
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const p = propsOf(route);
      if (p[other] !== undefined) {
        yield {
          resource: route.logicalId,
          property: other,
          message: `The route sets ${other} ${valueText(p[other])}, which ${context.profile.displayName} does not use; it orders routes by ${vocabulary.field} (${vocabulary.preferred} active, ${orList(standby)} standby): set ${vocabulary.field} instead.`,
        };
      }
      const value = p[vocabulary.field];
      if (value === undefined || (typeof value === "number" && vocabulary.allowed.includes(value))) continue;
      yield {
        resource: route.logicalId,
        property: vocabulary.field,
        message: `${vocabulary.field} is ${valueText(value)}; ${context.profile.displayName} allows ${orList(vocabulary.allowed)} (${vocabulary.preferred} active, ${orList(standby)} standby).`,
      };
    }
  },
};
