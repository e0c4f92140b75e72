import { performance } from "perf_hooks";
import type { CloudEngine, EngineBatch } from "../../../providers/cloud";

/**
 * How long one write transaction of a deployment may stay open. A commit
 * writes every page the transaction changed to the log; a resource and its
 * record change a few of the same pages as their neighbours, so committing
 * many at once writes each page once instead of once per resource. Short
 * enough that another process waiting to write (busy_timeout 30 s) hardly
 * notices, and that an interruption loses little.
 */
export const BATCH_MILLISECONDS = 50;

/**
 * Runs a deployment's operations in batches of one write transaction each:
 * the resources and their stack records commit together (or, after a crash,
 * not at all: a rerun plans them again). An operation that fails has undone
 * its own changes (its requests are savepoints, its record removed); what the
 * batch did before it is committed.
 */
export class DeployBatches {
  private batch: EngineBatch | undefined;
  private openedAt = 0;
  private afterCommits: Array<() => void> = [];

  constructor(
    private readonly engine: CloudEngine,
    private readonly maxMilliseconds = BATCH_MILLISECONDS,
  ) {}

  /** Runs one operation in the current batch (opening one if needed); commits the batch once it is old enough. */
  public run<T>(operation: () => T): T {
    if (!this.batch) {
      this.batch = this.engine.beginBatch();
      this.openedAt = performance.now();
    }
    let result: T;
    try {
      result = operation();
    } catch (err) {
      this.commit();
      throw err;
    }
    if (performance.now() - this.openedAt >= this.maxMilliseconds) this.commit();
    return result;
  }

  /**
   * Runs `report` once what has been done so far is committed (at once when
   * no batch is open): a progress line saying "created" is then true even if
   * the process dies the next moment.
   */
  public whenCommitted(report: () => void): void {
    if (this.batch) this.afterCommits.push(report);
    else report();
  }

  /** Commits the open batch, if any (undoing it when the commit itself fails), then reports what it held. */
  public commit(): void {
    const batch = this.batch;
    const reports = this.afterCommits;
    this.batch = undefined;
    this.afterCommits = [];
    if (!batch) return;
    try {
      batch.commit();
    } catch (err) {
      batch.rollback();
      throw err;
    }
    for (const report of reports) report();
  }
}
