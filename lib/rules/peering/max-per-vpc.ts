import { seed } from "../../core/provenance";
import { quoteList } from "../private/read";
import { factsOf } from "../private/facts";
import { Rule } from "../rule";

/** HL-PEER-003: a VPC has at most the profile's number of peering connections, both sides counted. */
export const peeringsPerVpc: Rule = {
  id: "HL-PEER-003",
  title: "At most 10 peering connections per VPC",
  severity: "error",
  source: seed("004", "每个私有网络支持的对等连接数为10个。", "Each VPC supports 10 peering connections."),
  rationale: "The cloud caps peering connections per VPC, counting those it requested and those it accepted; the 11th is refused (LimitExceeded).",
  fix: "Remove peerings from the VPC, or connect many VPCs through a CCN instead of a full mesh of peerings.",
  *check(context) {
    const max = context.profile.peering.maxPerVpc;
    if (max === undefined) return;
    for (const [vpcId, peerings] of factsOf(context).peeringsByVpcId) {
      if (peerings.length <= max) continue;
      const vpc = context.index.tryGet(vpcId);
      if (!vpc || vpc.type !== "Vpc") continue;
      yield {
        resource: vpcId,
        message: `VPC '${vpc.path}' has ${peerings.length} peering connections (${quoteList(peerings.map((p) => p.path))}); ${context.profile.displayName} allows at most ${max} per VPC, requested and accepted together: remove ${peerings.length - max}, or use a CCN for this many VPCs.`,
      };
    }
  },
};
