import { assumption } from "../../core/provenance";
import { routeGroups } from "../private/ha";
import { Rule } from "../rule";

/** HL-HA-007: a standby route has an active route to the same destination. */
export const standbyHasActive: Rule = {
  id: "HL-HA-007",
  title: "Every standby route has an active route",
  severity: "warning",
  source: assumption("a standby route only means something next to an active one; a destination with only standby routes is most likely a half-built pair"),
  rationale: "A standby preference only means something next to an active route; a destination whose only routes are standby is probably a half-built pair (the active route was forgotten or mis-valued).",
  fix: "Add the active route (priority 0 on tencent, weight 100 on alibaba) to the same destination, or give the lone route the active value.",
  *check(context) {
    const { field, preferred } = context.profile.routePreference;
    for (const group of routeGroups(context)) {
      if (group.members.some((m) => m.rank === 0)) continue;
      const lone = group.members.length === 1;
      yield {
        resource: group.members[0].route.logicalId,
        property: field,
        message: `${lone ? "The only route" : `All ${group.members.length} routes`} to ${group.destination} on gateway '${group.gateway.path}' ${lone ? "has a standby" : "have standby"} ${field}; add an active route (${field} ${preferred}) to ${group.destination}${lone ? ` or set this route's ${field} to ${preferred}` : ""}.`,
      };
    }
  },
};
