import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-001: the two VPCs of a peering have no overlapping CIDR blocks. */
export const peeringCidrOverlap: Rule = {
  id: "HL-PEER-001",
  title: "Peered VPCs have no overlapping CIDR blocks",
  severity: "error",
  source: seed("003", "对等连接的两端私有网络 CIDR 不可以重叠，重叠时创建会报错。", "The CIDRs of the two VPCs of a peering cannot overlap; creation fails with an error when they do."),
  rationale:
    "Routes to the peer VPC are keyed by its CIDRs; when the blocks overlap (containment counts: 10.0.0.0/16 lies in 10.0.0.0/8) the same address is local and remote at once, and the cloud refuses to create the peering.",
  fix: "Renumber one of the VPCs (or drop the secondary CIDR that overlaps) so that no block of one lies in or contains a block of the other.",
  *check(context) {
    const facts = factsOf(context);
    for (const ends of peeringEnds(context)) {
      const { peering, requester, accepter } = ends;
      if (requester.logicalId === accepter.logicalId) {
        yield {
          resource: peering.logicalId,
          property: "accepterVpc",
          message: `The peering connects VPC '${requester.path}' with itself; a peering needs two different VPCs.`,
        };
        continue;
      }
      // The accepter's blocks as a cached set: O(a log b) per peering, no sort.
      const theirs = facts.vpcSet(accepter.logicalId);
      for (const mine of facts.vpcCidrs(requester.logicalId)) {
        for (const hit of theirs.overlapping(mine)) {
          yield {
            resource: peering.logicalId,
            property: "accepterVpc",
            message: `Requester VPC '${requester.path}' block ${mine.text} overlaps accepter VPC '${accepter.path}' block ${hit.cidr.text}${relation(mine, hit.cidr)}; peered VPCs need disjoint CIDRs: renumber one of them.`,
          };
        }
      }
    }
  },
};

function relation(a: { start: number; end: number }, b: { start: number; end: number }): string {
  if (a.start === b.start && a.end === b.end) return " (the same block)";
  if (a.start <= b.start && b.end <= a.end) return " (it contains it)";
  if (b.start <= a.start && a.end <= b.end) return " (it lies inside it)";
  return "";
}
