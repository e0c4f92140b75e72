import { cloudApi } from "../../core/provenance";
import { findOverlaps } from "../../net/cidr";
import { factsOf } from "../private/facts";
import { Rule } from "../rule";

/** HL-ADDR-008: a VPC's own CIDR blocks do not overlap each other. */
export const vpcCidrsDisjoint: Rule = {
  id: "HL-ADDR-008",
  title: "A VPC's CIDR blocks do not overlap each other",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateAssistantCidr: CidrBlocks (error InvalidParameterValue.CidrConflict)", "a VPC's blocks do not overlap each other"),
  rationale: "A secondary CIDR that overlaps the primary adds no addresses and makes routes to the VPC ambiguous; the cloud refuses it.",
  fix: "Remove the overlapping block or replace it with one disjoint from the VPC's other CIDRs.",
  *check(context) {
    const facts = factsOf(context);
    for (const vpc of context.index.ofType("Vpc")) {
      const blocks = facts.vpcCidrs(vpc.logicalId);
      if (blocks.length < 2) continue;
      const owned = blocks.map((cidr, i) => ({ cidr, owner: i }));
      for (const { a, b } of findOverlaps(owned)) {
        yield {
          resource: vpc.logicalId,
          property: `cidrs[${Math.max(a.owner, b.owner)}]`,
          message: `VPC blocks ${a.cidr.text} and ${b.cidr.text} overlap; keep one of them or replace the secondary block with a disjoint one.`,
        };
      }
    }
  },
};
