import { assumption } from "../../core/provenance";
import { tryFindRegion } from "../../core/profiles";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

const REGIONAL_TYPES = ["Vpc", "VpnGateway", "CustomerGateway", "DirectConnectGateway", "CcnAttachment"] as const;

/** HL-ADDR-005: regions come from the app's cloud profile. */
export const regionExists: Rule = {
  id: "HL-ADDR-005",
  title: "Regions exist in the cloud profile",
  severity: "error",
  source: assumption("the region lists in lib/core/profiles.ts are the regions this simulator models for each cloud; any other name is a typo or another cloud's region"),
  rationale: "Each cloud names its regions differently (ap-guangzhou, cn-hangzhou, wuhan); a region of another cloud, or a typo, cannot be deployed.",
  fix: "Use one of the profile's regions listed in the message, or switch the app to the profile of the cloud that region belongs to.",
  *check(context) {
    const { profile } = context;
    const names = profile.regions.map((r) => r.name);
    for (const type of REGIONAL_TYPES) {
      for (const resource of context.index.ofType(type)) {
        const region = propsOf(resource).region;
        if (typeof region !== "string" || tryFindRegion(profile, region)) continue;
        yield {
          resource: resource.logicalId,
          property: "region",
          message: `Region '${region}' is not a ${profile.displayName} region; the '${profile.name}' profile has ${names.join(", ")}.`,
        };
      }
    }
  },
};
