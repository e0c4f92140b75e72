import { ManifestIndex } from "../../core/manifest-index";
import { Manifest } from "../../core/manifest";
import { DeploymentPlan, PlanAction, PlanStep } from "../../../providers/dynamic";
import { Colors } from "../render/colors";
import { StackResource } from "../stack/stack-store";
import { GeneratedSecret } from "./secrets";

const SYMBOL: Readonly<Record<PlanAction, string>> = { create: "+", update: "~", replace: "±", delete: "-", same: " " };

/** A plan as people read it and as `--json` prints it. */
export interface PlanView {
  readonly stack: string;
  readonly program: string;
  readonly counts: DeploymentPlan["counts"];
  /** Every resource whose action is not `same`, with its construct path and the reason. */
  readonly changes: ReadonlyArray<PlanStep & { readonly path: string; readonly resumes?: "create" | "delete" }>;
  /** Calls in order (deletes first, dependents before what they depend on). */
  readonly operations: DeploymentPlan["operations"];
  /** Unset key sources `up` fills with generated keys (never the keys). */
  readonly generatedSecrets: readonly GeneratedSecret[];
}

/** The plan with paths and the work an interrupted run left. */
export function planView(
  stack: string,
  program: string,
  manifest: Manifest,
  plan: DeploymentPlan,
  records: readonly StackResource[],
  generatedSecrets: readonly GeneratedSecret[],
): PlanView {
  const index = new ManifestIndex(manifest);
  const recorded = new Map(records.map((r) => [r.logicalId, r]));
  return {
    stack,
    program,
    counts: plan.counts,
    changes: plan.steps
      .filter((s) => s.action !== "same")
      .map((s) => {
        const status = recorded.get(s.logicalId)?.status;
        const resumes = status === "CREATING" ? "create" : status === "DELETING" ? "delete" : undefined;
        return { ...s, path: index.tryGet(s.logicalId)?.path ?? recorded.get(s.logicalId)?.path ?? s.logicalId, ...(resumes ? { resumes } : {}) };
      }),
    operations: plan.operations,
    generatedSecrets,
  };
}

/** One line per change (`+ create Vpc Vpc`), the reason of each replace and update, then the counts. */
export function renderPlan(view: PlanView, c: Colors): string {
  const colour: Record<PlanAction, (s: string) => string> = { create: c.green, update: c.yellow, replace: c.magenta, delete: c.red, same: (s) => s };
  const lines = [`stack ${c.bold(view.stack)} — ${view.program}`];
  if (!view.changes.length) lines.push("  no changes: the deployed stack matches the app");
  const width = Math.max(0, ...view.changes.map((s) => s.type.length));
  for (const s of view.changes) {
    const head = `${SYMBOL[s.action]} ${s.action.padEnd(7)} ${s.type.padEnd(width)}  ${s.path}`;
    const why =
      s.action === "replace" || s.action === "update" || s.action === "delete"
        ? `  (${s.reason})`
        : s.resumes
          ? "  (resumes an interrupted create)"
          : "";
    const pending = s.pendingAcceptanceBy ? `  — stays PENDING until account ${s.pendingAcceptanceBy} accepts` : "";
    lines.push(`  ${colour[s.action](head)}${why}${pending}`);
  }
  const k = view.counts;
  lines.push(`plan: ${k.create} to create, ${k.update} to update, ${k.replace} to replace, ${k.delete} to delete, ${k.same} unchanged`);
  for (const g of view.generatedSecrets) {
    lines.push(
      g.new
        ? c.yellow(`note: ${g.source} is not set: up generates a random pre-shared key for it (kept in the engine's store, never printed; both ends of the tunnel use it)`)
        : `note: ${g.source} is not set: using the key generated for it by an earlier up (set the variable to rotate it)`,
    );
  }
  return lines.join("\n");
}
