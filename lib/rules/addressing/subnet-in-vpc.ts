import { cloudApi } from "../../core/provenance";
import { parsedCidr, propsOf, quoteList, refId } from "../private/read";
import { factsOf } from "../private/facts";
import { Rule } from "../rule";

/** HL-ADDR-003: a subnet's block lies inside its VPC's CIDR blocks. */
export const subnetInsideVpc: Rule = {
  id: "HL-ADDR-003",
  title: "Subnets lie inside their VPC's CIDR blocks",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateSubnet: CidrBlock (error InvalidParameterValue.SubnetRange)", "a subnet's block lies within its VPC's CIDR"),
  rationale: "A subnet is carved out of its VPC's address space; addresses outside it are neither delivered locally nor routable.",
  fix: "Choose a subnet block inside one of the VPC's CIDRs, or add a secondary CIDR to the VPC that contains it.",
  *check(context) {
    const facts = factsOf(context);
    for (const subnet of context.index.ofType("Subnet")) {
      const p = propsOf(subnet);
      const cidr = parsedCidr(p.cidr);
      const vpcId = refId(p.vpc);
      const vpc = vpcId ? context.index.tryGet(vpcId) : undefined;
      if (!cidr || !vpc || vpc.type !== "Vpc") continue;
      if (!facts.vpcSet(vpc.logicalId).covers(cidr)) {
        const blocks = facts.vpcCidrs(vpc.logicalId).map((c) => c.network);
        yield {
          resource: subnet.logicalId,
          property: "cidr",
          message: `Subnet block ${cidr.text} is not inside VPC '${vpc.path}' (${quoteList(blocks) || "no valid CIDRs"}); pick a block inside ${blocks.length === 1 ? blocks[0] : "one of them"} or add a VPC CIDR that contains it.`,
        };
      }
    }
  },
};
