import { HybridlinkError } from "../../core/errors";
import { CliErrorJson, toCliError } from "../errors";
import { CliIo, EXIT_INTERRUPTED, EXIT_OK } from "../io";
import { Colors } from "../render/colors";
import { executeOperation, OperationOutcome } from "./apply";
import { DeployBatches } from "./batch";
import { OpenedDeployment } from "./deployment";
import { Interrupt, ProgressItem, runWithProgress } from "./progress";

/** How applying a plan ended, for text and `--json`. */
export interface ApplyReport {
  readonly applied: readonly OperationOutcome[];
  readonly remaining: number;
  readonly interrupted: boolean;
  readonly failed?: { readonly logicalId: string; readonly path: string; readonly operation: string; readonly code: string; readonly message: string };
  /** The failure in the CLI's error shape (`--json` scripts look for `error` whatever the command). */
  readonly error?: CliErrorJson["error"];
  /** 0, 3 when the cloud refused a step, 130 when interrupted. */
  readonly exitCode: number;
}

/**
 * Applies the opened deployment's calls in order with a live display. Ctrl-C
 * stops after the call in flight (each call is recorded as it happens, so a
 * rerun resumes); a second Ctrl-C stops at once, which is just as safe: an
 * unrecorded create is retried with its client token.
 */
export async function applyDeployment(io: CliIo, c: Colors, opened: OpenedDeployment, quiet: boolean): Promise<ApplyReport> {
  const paths = new Map([...opened.ctx.manifest.resources.map((r) => [r.logicalId, r.path] as const)]);
  for (const r of opened.records.values()) if (!paths.has(r.logicalId)) paths.set(r.logicalId, r.path);
  const items: ProgressItem[] = opened.operations.map((op) => ({ op, path: paths.get(op.logicalId) ?? op.logicalId }));
  const interrupt: Interrupt = { requested: false };
  const onSigint = () => {
    if (interrupt.requested) process.exit(EXIT_INTERRUPTED);
    interrupt.requested = true;
    io.err("hybridlink: stopping after the current step (Ctrl-C again to stop now; either way `up` resumes)");
  };
  process.on("SIGINT", onSigint);
  const batches = new DeployBatches(opened.engine);
  // The stack store shares the engine's connection (openDeployment): records commit with their requests.
  const ctx = { ...opened.ctx, atomicRecords: true };
  let result;
  try {
    // Progress lines wait for the commit of what they report.
    const committedIo: CliIo = { ...io, out: (s) => batches.whenCommitted(() => io.out(s)) };
    result = await runWithProgress(committedIo, c, items, (item) => batches.run(() => executeOperation(ctx, item.op, opened.records)), interrupt, quiet);
  } finally {
    batches.commit();
    process.off("SIGINT", onSigint);
  }
  const remaining = items.length - result.done.length;
  if (result.failed) {
    const err = result.failed.error;
    if (!HybridlinkError.isHybridlinkError(err)) throw err;
    const failure = toCliError(err);
    const path = result.failed.item.path;
    return {
      applied: result.done,
      remaining,
      interrupted: false,
      failed: { logicalId: result.failed.item.op.logicalId, path, operation: result.failed.item.op.operation, code: err.code, message: err.message },
      error: { ...failure.toJSON().error, path, hint: "everything done so far is recorded: fix the cause and run the command again" },
      exitCode: failure.exitCode,
    };
  }
  return { applied: result.done, remaining, interrupted: result.interrupted, exitCode: result.interrupted ? EXIT_INTERRUPTED : EXIT_OK };
}

/** The outcome in words: counts, engine-clock waits, and what to do after a failure or an interruption. */
export function renderApplyReport(report: ApplyReport, verb: "up" | "destroy", c: Colors): string {
  const by = (op: string) => report.applied.filter((a) => a.operation === op).length;
  const waited = report.applied.reduce((sum, a) => sum + a.waitedSeconds, 0);
  const lines = [
    `${report.applied.length} change(s): ${by("create")} created, ${by("update")} updated, ${by("delete")} deleted` +
      (waited > 0 ? `; the engine clock advanced ${waited}s while waiting` : ""),
  ];
  if (report.failed) {
    const f = report.failed;
    lines.push(c.red(`${verb} stopped: ${f.operation} ${f.path} failed: [${f.code}] ${f.message}`));
    lines.push(`${report.remaining - 1} step(s) not started. Everything done so far is recorded: fix the cause and run ${verb} again.`);
  } else if (report.interrupted) {
    lines.push(c.yellow(`interrupted: ${report.remaining} step(s) not started. Everything done so far is recorded: run ${verb} again to resume.`));
  }
  return lines.join("\n");
}
