import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** One injected fault: a device or a site down from `failedAt` until `recoveredAt`. */
export interface FaultRecord {
  readonly targetId: string;
  readonly targetType: string;
  readonly failedAt: number;
  /** Undefined while the fault lasts. */
  readonly recoveredAt?: number;
}

/** The fault history: health-check detection needs when each fault began and ended, not just whether it lasts. */
export class FaultTable {
  private readonly insert: Statement;
  private readonly selectOpen: Statement;
  private readonly close: Statement;
  private readonly selectFor: Statement;
  private readonly deleteFor: Statement;

  constructor(db: Db) {
    this.insert = db.prepare("INSERT INTO faults (target_id, target_type, failed_at) VALUES (?, ?, ?)");
    this.selectOpen = db.prepare(
      "SELECT * FROM faults WHERE target_id = ? AND recovered_at IS NULL ORDER BY failed_at DESC LIMIT 1",
    );
    this.close = db.prepare("UPDATE faults SET recovered_at = ? WHERE seq = ?");
    this.selectFor = db.prepare("SELECT * FROM faults WHERE target_id = ? ORDER BY failed_at, seq");
    this.deleteFor = db.prepare("DELETE FROM faults WHERE target_id = ?");
  }

  public open(targetId: string, targetType: string, at: number): void {
    this.insert.run(targetId, targetType, at);
  }

  /** The lasting fault of a target, if any. */
  public tryGetOpen(targetId: string): FaultRecord | undefined {
    const row = this.selectOpen.get(targetId) as RawFault | undefined;
    return row ? toFault(row) : undefined;
  }

  /** Ends the lasting fault of a target at `at`; false when there was none. */
  public recover(targetId: string, at: number): boolean {
    const row = this.selectOpen.get(targetId) as RawFault | undefined;
    if (!row) return false;
    this.close.run(at, row.seq);
    return true;
  }

  public history(targetId: string): FaultRecord[] {
    return (this.selectFor.all(targetId) as RawFault[]).map(toFault);
  }

  /** Forgets a deleted target's history. */
  public forget(targetId: string): void {
    this.deleteFor.run(targetId);
  }
}

interface RawFault {
  seq: number;
  target_id: string;
  target_type: string;
  failed_at: number;
  recovered_at: number | null;
}

function toFault(row: RawFault): FaultRecord {
  return {
    targetId: row.target_id,
    targetType: row.target_type,
    failedAt: row.failed_at,
    ...(row.recovered_at !== null ? { recoveredAt: row.recovered_at } : {}),
  };
}
