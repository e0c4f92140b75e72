import { assumption } from "../../core/provenance";
import { forEachCidrInput } from "../private/cidr-fields";
import { Rule, RuleViolation } from "../rule";

/** HL-ADDR-002: a block is written as its network address (host bits zero). */
export const cidrHostBits: Rule = {
  id: "HL-ADDR-002",
  title: "CIDR blocks have their host bits zero",
  severity: "error",
  source: assumption("a block with host bits set (10.0.0.1/16) is ambiguous; refusing it is safer than guessing which network was meant"),
  rationale: "10.0.0.1/16 is ambiguous (an address or the 10.0.0.0/16 network?); clouds refuse blocks whose host bits are set rather than guess.",
  fix: "Use the normalized block the message suggests (the same prefix with the host bits cleared).",
  check(context) {
    const out: RuleViolation[] = [];
    forEachCidrInput(context.index, (resource, _value, cidr, property) => {
      if (!cidr || cidr.hostBitsZero) return;
      out.push({
        resource: resource.logicalId,
        property: property(),
        message: `${property()} is '${cidr.text}', which has host bits set; the /${cidr.prefix} network it lies in is ${cidr.network}: use '${cidr.network}' (or a longer prefix if you meant a smaller block).`,
      });
    });
    return out;
  },
};
