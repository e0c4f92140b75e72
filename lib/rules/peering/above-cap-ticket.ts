import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-016: cross-region peering above the cap is by ticket (a warning, not a refusal). */
export const aboveCapTicket: Rule = {
  id: "HL-PEER-016",
  title: "Cross-region peering above the 10 Gbps cap needs a ticket",
  severity: "warning",
  source: seed("003", "如果需更大带宽请提起工单。", "(cross-region cap 10 Gbps:) for more bandwidth, file a ticket"),
  rationale:
    "Tencent caps cross-region peering at 10 Gbps and raises the cap by ticket. The simulated cloud refuses a larger cap for an account " +
    "that has not been granted peering-bandwidth-above-cap, and `up` stops before its first create.",
  fix:
    "File the ticket; in the simulator, grant it (hybridlink account feature grant peering-bandwidth-above-cap --account <id> --ticket <reference>), " +
    "then acknowledge HL-PEER-016 with the ticket reference. Or set bandwidthMbps to 10000 or less.",
  *check(context) {
    const range = context.profile.peering.crossRegionBandwidthMbps;
    if (!range) return;
    for (const ends of peeringEnds(context)) {
      const bandwidth = ends.props.bandwidthMbps;
      if (!ends.crossRegion || typeof bandwidth !== "number" || !Number.isInteger(bandwidth) || bandwidth <= range[1]) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "bandwidthMbps",
        message:
          `Cross-region peering '${ends.requesterRegionName}' ↔ '${ends.accepterRegionName}' asks ${bandwidth} Mbps, above the ${range[1]} Mbps cap: ` +
          `account ${ends.peering.account} needs it by ticket (in the simulator: hybridlink account feature grant peering-bandwidth-above-cap --account ${ends.peering.account} --ticket <reference> --cloud ${context.profile.name}).`,
      };
    }
  },
};
