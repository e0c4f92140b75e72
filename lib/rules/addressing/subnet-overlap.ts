import { cloudApi } from "../../core/provenance";
import { findOverlaps, OwnedCidr } from "../../net/cidr";
import { parsedCidr, propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-ADDR-004: the subnets of one VPC do not overlap each other. */
export const subnetsDisjoint: Rule = {
  id: "HL-ADDR-004",
  title: "Subnets of one VPC do not overlap",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateSubnet: CidrBlock (error InvalidParameterValue.SubnetConflict)", "subnets of one VPC do not overlap"),
  rationale: "Each address of a VPC belongs to one subnet and its route table; overlapping subnets make delivery ambiguous and are refused by the cloud.",
  fix: "Give the subnets disjoint blocks (e.g. consecutive /24s inside the VPC CIDR).",
  *check(context) {
    const byVpc = new Map<string, OwnedCidr<string>[]>();
    for (const subnet of context.index.ofType("Subnet")) {
      const p = propsOf(subnet);
      const cidr = parsedCidr(p.cidr);
      const vpc = refId(p.vpc);
      if (!cidr || !vpc) continue;
      const list = byVpc.get(vpc) ?? [];
      list.push({ cidr, owner: subnet.logicalId });
      byVpc.set(vpc, list);
    }
    for (const subnets of byVpc.values()) {
      for (const { a, b } of findOverlaps(subnets)) {
        const later = a.owner < b.owner ? b : a;
        const earlier = later === a ? b : a;
        yield {
          resource: later.owner,
          property: "cidr",
          message: `Subnet block ${later.cidr.text} overlaps subnet '${context.index.tryGet(earlier.owner)?.path ?? earlier.owner}' (${earlier.cidr.text}) in the same VPC; give it a block disjoint from every other subnet of the VPC.`,
        };
      }
    }
  },
};
