import { assumption } from "../../core/provenance";
import { formatTraceInline } from "../../net/format";
import { analyzePair } from "../../net/pair";
import { Rule } from "../rule";
import { describeIntent, intentAnalysis, resolvedIntents } from "./private/analysis";

/** HL-INTENT-002: no packet from a declared isolated source is delivered to its destination. */
export const intentIsolated: Rule = {
  id: "HL-INTENT-002",
  title: "A declared isolated pair is not reachable",
  severity: "error",
  source: assumption("intents are this project's own contract (DESIGN.md): the app declares which endpoints must stay apart"),
  rationale:
    "Intents.isolated(a, b) states that no packet from a may be delivered to b (IDC-1 and IDC-2 must stay apart, a partner VPC must not reach production). The data-plane model traces a → b over the synthesized network; a delivered packet breaks the intent.",
  fix: "Remove what the trace in the finding uses to get there: the gateway route that transits between IDCs (or use SPD connections, which do not transit), the peering route, or the CCN attachment.",
  *check(context) {
    if (context.manifest.intents.length === 0) return;
    const analysis = intentAnalysis(context.manifest);
    for (const { intent, from, to } of resolvedIntents(context.manifest, analysis, (i) => i.kind === "isolated")) {
      const forward = analyzePair(analysis.model, from, to).forward;
      if (forward.verdict !== "DELIVERED") continue;
      yield {
        resource: intent.path,
        message: `Intent ${describeIntent(intent)} does not hold: ${from.name} reaches ${to.name}, expected no delivery. Trace: ${formatTraceInline(forward)}`,
      };
    }
  },
};
