import { assumption } from "../../core/provenance";
import { Intent } from "../../core/manifest";
import { failureTouches } from "../../net/failures";
import { formatTraceInline } from "../../net/format";
import { analyzePair } from "../../net/pair";
import { PairVerdict, Trace } from "../../net/verdicts";
import { Rule } from "../rule";
import { describeIntent, intentAnalysis, resolvedIntents } from "./private/analysis";

/** HL-INTENT-003: a declared intent with underSingleFailure also holds with any one customer-gateway device or tunnel down. */
export const intentUnderSingleFailure: Rule = {
  id: "HL-INTENT-003",
  title: "A declared intent holds under any single failure",
  severity: "error",
  source: assumption("intents are this project's own contract (DESIGN.md); the single failures are each customer-gateway device and each tunnel, one at a time; a VPC peering is none (seed 003: 对等连接不依赖某个独立硬件，因而不存在单点故障)"),
  rationale:
    "An intent declared with { underSingleFailure: true } must survive the loss of any one customer-gateway device or tunnel, each in turn, in steady state after health-check detection. Without a standby tunnel, or without health checks (routes then never move), one failure cuts the pair.",
  fix: "Add redundancy on the path the finding names: a second device with its own tunnel and a standby route, or health checks on both connections. (A VPC peering is no single point of failure: the seeds say it depends on no single piece of hardware.)",
  *check(context) {
    const manifest = context.manifest;
    if (!manifest.intents.some((i) => i.underSingleFailure)) return;
    const analysis = intentAnalysis(manifest);
    for (const { intent, from, to } of resolvedIntents(manifest, analysis, (i) => i.underSingleFailure)) {
      const intact = analyzePair(analysis.model, from, to);
      // The intact network is HL-INTENT-001/002's business; a broken intent is not reported twice.
      if (breakingTrace(intent, intact)) continue;
      const breaking: Array<{ description: string; trace: Trace }> = [];
      for (const { failure, model } of analysis.failures()) {
        // Failures off the pair's path cannot change it: only those on it cost a model.
        if (!failureTouches(failure, [intact.forward, intact.reverse])) continue;
        const trace = breakingTrace(intent, analyzePair(model(), from, to));
        if (trace) breaking.push({ description: failure.description, trace });
      }
      if (breaking.length === 0) continue;
      const first = breaking[0];
      yield {
        resource: intent.path,
        message:
          `Intent ${describeIntent(intent)} breaks under ${breaking.length} of ${analysis.failures().length} single failures: ` +
          `${breaking.map((b) => b.description).join("; ")}. With ${first.description}: ${formatTraceInline(first.trace)}`,
      };
    }
  },
};

/** The trace that breaks the intent, or undefined when it holds. */
function breakingTrace(intent: Intent, pair: PairVerdict): Trace | undefined {
  if (intent.kind === "isolated") return pair.forward.verdict === "DELIVERED" ? pair.forward : undefined;
  if (pair.verdict === "REACHABLE") return undefined;
  return pair.forward.verdict !== "DELIVERED" ? pair.forward : pair.reverse;
}
