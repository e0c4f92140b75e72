import { cloudApi } from "../../core/provenance";
import { forEachCidrInput } from "../private/cidr-fields";
import { propsOf } from "../private/read";
import { Rule, RuleViolation } from "../rule";

/** HL-ADDR-001: every CIDR input is IPv4 CIDR notation, and CIDR lists are not empty. */
export const cidrSyntax: Rule = {
  id: "HL-ADDR-001",
  title: "CIDR blocks are valid IPv4 CIDR notation",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpc: CidrBlock; CreateSubnet: CidrBlock", "IPv4 blocks in CIDR notation"),
  rationale: "Every VPC, subnet, route, IDC network and SPD selector is an IPv4 block a.b.c.d/n; anything else is refused by the cloud API.",
  fix: "Write the block as a.b.c.d/n with each octet 0–255 and n from 0 to 32, e.g. 10.0.0.0/16.",
  check(context) {
    const out: RuleViolation[] = [];
    forEachCidrInput(context.index, (resource, value, cidr, property) => {
      if (cidr) return;
      out.push({
        resource: resource.logicalId,
        property: property(),
        message: `${property()} is ${typeof value === "string" ? `'${value}'` : JSON.stringify(value) ?? "undefined"}, which is not an IPv4 CIDR block; write it as a.b.c.d/n (octets 0–255, n 0–32), e.g. 10.0.0.0/16.`,
      });
    });
    for (const type of ["Vpc", "IdcSite"] as const) {
      for (const resource of context.index.ofType(type)) {
        const cidrs = propsOf(resource).cidrs;
        if (!Array.isArray(cidrs) || cidrs.length > 0) continue;
        out.push({
          resource: resource.logicalId,
          property: "cidrs",
          message: `A ${type} needs at least one CIDR block; cidrs is empty. Give its network, e.g. cidrs: ['10.0.0.0/16'].`,
        });
      }
    }
    return out;
  },
};
