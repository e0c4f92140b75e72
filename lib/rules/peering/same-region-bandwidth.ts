import { valueText } from "../../core/errors";
import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-005: a same-region peering takes no bandwidth cap. */
export const sameRegionBandwidth: Rule = {
  id: "HL-PEER-005",
  title: "Same-region peering takes no bandwidth cap",
  severity: "error",
  source: seed("003", "同地域对等连接带宽无上限，不可修改。", "Same-region peering bandwidth has no cap and cannot be modified."),
  rationale: "Same-region peering is free and has no bandwidth limit; the cap cannot be set or modified, so a value given here would never apply.",
  fix: "Remove bandwidthMbps from the same-region peering (or put the VPCs in different regions if a cross-region cap was meant).",
  *check(context) {
    for (const ends of peeringEnds(context)) {
      if (ends.crossRegion || ends.props.bandwidthMbps === undefined) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "bandwidthMbps",
        message: `Peering within region '${ends.requesterRegionName}' sets bandwidthMbps ${valueText(ends.props.bandwidthMbps)}; same-region peering has no cap and takes none: remove bandwidthMbps.`,
      };
    }
  },
};
