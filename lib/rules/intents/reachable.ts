import { assumption } from "../../core/provenance";
import { formatTraceInline } from "../../net/format";
import { analyzePair } from "../../net/pair";
import { Rule } from "../rule";
import { describeIntent, intentAnalysis, resolvedIntents } from "./private/analysis";

/** HL-INTENT-001: a declared reachable pair reaches each other both ways. */
export const intentReachable: Rule = {
  id: "HL-INTENT-001",
  title: "A declared reachable pair is reachable both ways",
  severity: "error",
  source: assumption("intents are this project's own contract (DESIGN.md): the app declares which endpoints must reach each other"),
  rationale:
    "Intents.reachable(a, b) states that a and b must talk: a request and its reply (发包、回包路由). The data-plane model traces both directions over the synthesized network — same-account peerings active, cross-account peerings to trusted accounts accepted, tunnels up where both ends agree — and a pair that is one-way or unreachable breaks the intent.",
  fix: "Follow the trace in the finding to the hop that drops the packet and add what it names: the missing route, the peering, the tunnel, or the CCN attachment.",
  *check(context) {
    if (context.manifest.intents.length === 0) return;
    const analysis = intentAnalysis(context.manifest);
    for (const { intent, from, to } of resolvedIntents(context.manifest, analysis, (i) => i.kind === "reachable")) {
      const pair = analyzePair(analysis.model, from, to);
      if (pair.verdict === "REACHABLE") continue;
      const broken = [pair.forward, pair.reverse].filter((t) => t.verdict !== "DELIVERED").map(formatTraceInline);
      const which =
        pair.verdict === "UNREACHABLE"
          ? "neither direction is delivered"
          : pair.brokenDirection === "REVERSE"
            ? `the reply ${to.name} → ${from.name} is dropped`
            : `the request ${from.name} → ${to.name} is dropped`;
      const missing = pair.missingRoute ? ` Missing route: ${pair.missingRoute.tableName} needs a route to ${pair.missingRoute.destinationCidr}.` : "";
      yield {
        resource: intent.path,
        message:
          `Intent ${describeIntent(intent)} does not hold: the pair is ${pair.verdict} (${which}), expected REACHABLE both ways.${missing} ` +
          `Breaking trace${broken.length > 1 ? "s" : ""}: ${broken.join(" | ")}`,
      };
    }
  },
};
