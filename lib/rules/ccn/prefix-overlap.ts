import { assumption } from "../../core/provenance";
import { findOverlaps } from "../../net/cidr";
import { factsOf } from "../private/facts";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-CCN-003: the prefixes a CCN learns from different attachments do not overlap. */
export const ccnPrefixOverlap: Rule = {
  id: "HL-CCN-003",
  title: "Prefixes learned from different CCN attachments do not overlap",
  severity: "warning",
  source: assumption("a CCN forwards by the prefixes it learns; overlapping prefixes from two attachments make the overlap go to one of them only, which is rarely what was meant"),
  rationale: "A CCN forwards by longest-prefix match over what it learns; two attachments announcing overlapping prefixes make one of them unreachable for the overlap (the CCN marks the later route conflicted or prefers the more specific one).",
  fix: "Renumber one of the networks, or narrow the VPN gateway route / direct-connect prefix so the attachments announce disjoint prefixes.",
  *check(context) {
    const facts = factsOf(context);
    for (const ccn of context.index.ofType("Ccn")) {
      const attachments = facts.attachmentsOf(ccn.logicalId);
      if (attachments.length < 2) continue;
      const learned = attachments.flatMap((a) => facts.learnedPrefixes(a));
      for (const { a, b } of findOverlaps(learned)) {
        yield {
          resource: b.owner,
          message: `CCN '${ccn.path}' learns ${b.cidr.text} from '${instancePath(context, b.owner)}' and ${a.cidr.text} from '${instancePath(context, a.owner)}', which overlap; renumber one of them or announce disjoint prefixes.`,
        };
      }
    }
  },
};

function instancePath(context: Parameters<Rule["check"]>[0], attachmentId: string): string {
  const attachment = context.index.tryGet(attachmentId);
  const instance = attachment ? refId(propsOf(attachment).instance) : undefined;
  return (instance && context.index.tryGet(instance)?.path) || attachmentId;
}
