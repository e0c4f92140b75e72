import { Listr } from "listr2";
import { performance } from "perf_hooks";
import { PlanOperation } from "../../../providers/dynamic";
import { CliIo } from "../io";
import { Colors } from "../render/colors";
import { OperationOutcome } from "./apply";

/** One call of the plan, with the construct path people know it by. */
export interface ProgressItem {
  readonly op: PlanOperation;
  readonly path: string;
}

/** Set by Ctrl-C: the run stops after the call in flight, which is recorded. */
export interface Interrupt {
  requested: boolean;
}

/** How a run of calls ended. */
export interface RunResult {
  readonly done: readonly OperationOutcome[];
  readonly failed?: { readonly item: ProgressItem; readonly error: unknown };
  readonly interrupted: boolean;
}

type Execute = (item: ProgressItem) => OperationOutcome;

const PAST: Readonly<Record<PlanOperation["operation"], string>> = { create: "created", update: "updated", delete: "deleted" };
const SIGN: Readonly<Record<PlanOperation["operation"], string>> = { create: "+", update: "~", delete: "-" };

/**
 * Runs the calls in order with a live display: a task list (listr2) in a
 * terminal, one line per finished call otherwise (logs, pipes, CI). Calls
 * are synchronous (the engine is), so the runner yields to the event loop
 * between them (every few milliseconds in line mode): that is where the
 * display redraws and Ctrl-C is noticed.
 */
export async function runWithProgress(io: CliIo, c: Colors, items: readonly ProgressItem[], execute: Execute, interrupt: Interrupt, quiet = false): Promise<RunResult> {
  if (io.isTty && !quiet) return runTaskList(c, items, execute, interrupt);
  return runLines(quiet ? () => undefined : (s) => io.out(s), c, items, execute, interrupt);
}

async function runLines(out: (s: string) => void, c: Colors, items: readonly ProgressItem[], execute: Execute, interrupt: Interrupt): Promise<RunResult> {
  const done: OperationOutcome[] = [];
  const width = Math.max(0, ...items.map((i) => i.op.type.length));
  const pathWidth = Math.max(0, ...items.map((i) => i.path.length));
  const yielded = new Yielder();
  for (const item of items) {
    await yielded.now();
    if (interrupt.requested) return { done, interrupted: true };
    try {
      const outcome = execute(item);
      done.push(outcome);
      out(`  ${SIGN[item.op.operation]} ${PAST[item.op.operation].padEnd(7)} ${item.op.type.padEnd(width)}  ${item.path.padEnd(pathWidth)}  ${detail(outcome, c)}`.trimEnd());
    } catch (error) {
      out(c.red(`  ✗ ${item.op.operation} ${item.op.type} ${item.path} failed`));
      return { done, failed: { item, error }, interrupted: false };
    }
  }
  return { done, interrupted: false };
}

class Interrupted extends Error {}

async function runTaskList(c: Colors, items: readonly ProgressItem[], execute: Execute, interrupt: Interrupt): Promise<RunResult> {
  const done: OperationOutcome[] = [];
  let failed: RunResult["failed"];
  const list = new Listr(
    items.map((item) => ({
      title: `${item.op.operation} ${item.op.type} ${item.path}`,
      task: async (_ctx: unknown, task: { title: string }) => {
        await tick();
        if (interrupt.requested) throw new Interrupted("interrupted");
        try {
          const outcome = execute(item);
          done.push(outcome);
          task.title = `${PAST[item.op.operation]} ${item.op.type} ${item.path}  ${detail(outcome, c)}`.trimEnd();
        } catch (error) {
          failed = { item, error };
          throw error;
        }
      },
    })),
    { concurrent: false, exitOnError: true, registerSignalListeners: false, rendererOptions: { collapseErrors: true } },
  );
  try {
    await list.run();
  } catch (err) {
    if (!(err instanceof Interrupted) && !failed) throw err;
  }
  return { done, ...(failed ? { failed } : {}), interrupted: !failed && done.length < items.length };
}

/** `vpngw-… AVAILABLE after 120s on the engine clock`. */
function detail(o: OperationOutcome, c: Colors): string {
  const parts = [o.cloudId ?? ""];
  if (o.state) parts.push(o.state);
  if (o.waitedSeconds > 0) parts.push(c.cyan(`after ${o.waitedSeconds}s on the engine clock`));
  return parts.filter((p) => p).join("  ");
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The wall-clock time between turns of the event loop: Ctrl-C is noticed within it, and lines reach the pipe. */
const YIELD_MILLISECONDS = 16;

/** Yields to the event loop when YIELD_MILLISECONDS have passed since the last time (a turn per call costs more than many calls). */
class Yielder {
  private last = -Infinity;

  public async now(): Promise<void> {
    const at = performance.now();
    if (at - this.last < YIELD_MILLISECONDS) return;
    await tick();
    this.last = performance.now();
  }
}
