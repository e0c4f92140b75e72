import { cloudApi } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-CCN-004: an instance is attached to one CCN, once. */
export const singleCcnPerInstance: Rule = {
  id: "HL-CCN-004",
  title: "An instance is attached to at most one CCN",
  severity: "error",
  source: cloudApi("Tencent Cloud", "AttachCcnInstances (error UnsupportedOperation.CcnAttached)", "an instance is attached to one CCN at a time"),
  rationale: "A VPC, VPN gateway or direct-connect gateway joins one CCN; a second attachment is refused, and two would make its routes ambiguous.",
  fix: "Keep one attachment per instance; connect two CCNs' networks by attaching them to one CCN.",
  *check(context) {
    const facts = factsOf(context);
    for (const attachment of context.index.ofType("CcnAttachment")) {
      const all = facts.attachmentsFor(refId(propsOf(attachment).instance) ?? "");
      if (all.length < 2 || all[0] === attachment) continue;
      yield {
        resource: attachment.logicalId,
        property: "instance",
        message: `The instance is already attached by '${all[0].path}'; an instance joins one CCN once: remove this attachment.`,
      };
    }
  },
};
