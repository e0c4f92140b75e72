import { FACTS } from "../../core/sources";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-015: a second peering between the same two VPCs is unnecessary (not forbidden). */
export const secondPeering: Rule = {
  id: "HL-PEER-015",
  title: "One peering between two VPCs is enough",
  severity: "warning",
  source: FACTS.secondPeeringUnneeded,
  rationale:
    "One peering carries traffic between every block of both VPCs; more blocks on either side only need more route entries. A second peering between the same pair adds nothing but another next hop to keep consistent (the seed calls it unnecessary, not forbidden).",
  fix: "Route the extra blocks through the first peering and remove the second, or acknowledge this warning with the reason you need both.",
  *check(context) {
    const first = new Map<string, string>();
    for (const ends of peeringEnds(context)) {
      const pair = [ends.requester.logicalId, ends.accepter.logicalId].sort().join("\u0000");
      const earlier = first.get(pair);
      if (earlier === undefined) {
        first.set(pair, ends.peering.path);
        continue;
      }
      yield {
        resource: ends.peering.logicalId,
        message: `VPCs '${ends.requester.path}' and '${ends.accepter.path}' are already peered by '${earlier}'; one peering carries every block of both VPCs, so add routes through it instead of a second peering (or acknowledge HL-PEER-015).`,
      };
    }
  },
};
