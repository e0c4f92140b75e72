import { valueText } from "../../core/errors";
import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-004: a cross-region peering sets its bandwidth cap, within the profile's range. */
export const crossRegionBandwidth: Rule = {
  id: "HL-PEER-004",
  title: "Cross-region peering sets its bandwidth cap (a whole number, at least 1 Mbps)",
  severity: "error",
  source: seed("003", "跨地域对等连接用户需要设定带宽上限。", "For cross-region peering the user must set a bandwidth cap."),
  rationale: "Cross-region peering is billed by bandwidth; the cloud needs the cap at creation. Above 10 Gbps is by ticket: HL-PEER-016 warns, and the engine refuses it for an account without the ticket.",
  fix: "Set bandwidthMbps to a whole number of Mbps within the range in the message (e.g. bandwidthMbps: 100).",
  *check(context) {
    const range = context.profile.peering.crossRegionBandwidthMbps;
    for (const ends of peeringEnds(context)) {
      if (!ends.crossRegion) continue;
      const bandwidth = ends.props.bandwidthMbps;
      const where = `'${ends.requesterRegionName}' ↔ '${ends.accepterRegionName}'`;
      if (bandwidth === undefined) {
        if (range) {
          yield {
            resource: ends.peering.logicalId,
            property: "bandwidthMbps",
            message: `Cross-region peering ${where} has no bandwidthMbps; set a cap from ${range[0]} to ${range[1]} Mbps (e.g. bandwidthMbps: 100).`,
          };
        }
        continue;
      }
      const [min, max] = range ?? [1, Number.MAX_SAFE_INTEGER];
      // Above the cap is a ticket's matter (HL-PEER-016), not a malformed request.
      if (typeof bandwidth !== "number" || !Number.isInteger(bandwidth) || bandwidth < min || (bandwidth > max && !range)) {
        yield {
          resource: ends.peering.logicalId,
          property: "bandwidthMbps",
          message: range
            ? `Cross-region peering ${where} has bandwidthMbps ${valueText(bandwidth)}; allowed: a whole number from ${min} to ${max} Mbps (${max / 1000} Gbps is the cap; more needs a ticket, HL-PEER-016).`
            : `Cross-region peering ${where} has bandwidthMbps ${valueText(bandwidth)}; give a whole number of Mbps, at least ${min}.`,
        };
      }
    }
  },
};
