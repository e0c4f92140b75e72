import { assumption } from "../../core/provenance";
import { Rule } from "../rule";
import { describeIntent, intentAnalysis, isEndpoint } from "./private/analysis";

/** HL-INTENT-004: every endpoint an intent names exists. */
export const intentUnknownEndpoint: Rule = {
  id: "HL-INTENT-004",
  title: "An intent names endpoints of the app",
  severity: "error",
  source: assumption("intents are this project's own contract (DESIGN.md): an endpoint must name a network of the app"),
  rationale:
    "An intent about a network the app does not have can never be checked; it is usually a typo or a construct from another app. The other intent rules skip it.",
  fix: "Pass a Vpc, Subnet, IdcSite or DirectConnectGateway of this app (or its logical ID or unique name), or an IPv4 address inside one.",
  *check(context) {
    if (context.manifest.intents.length === 0) return;
    const analysis = intentAnalysis(context.manifest);
    for (const intent of context.manifest.intents) {
      for (const [role, text] of [
        ["from", intent.from],
        ["to", intent.to],
      ] as const) {
        const e = analysis.endpoint(text);
        if (isEndpoint(e)) continue;
        yield { resource: intent.path, property: role, message: `Intent ${describeIntent(intent)}: the '${role}' endpoint ${e.problem}` };
      }
    }
  },
};
