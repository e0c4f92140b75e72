import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** One measured sampling period of a peering: the average bandwidth each way over the period starting at `at`. */
export interface TrafficRecord {
  readonly peeringId: string;
  /** Start of the sampling period, engine ms. */
  readonly at: number;
  /** Requester → accepter, Mbps. */
  readonly outMbps: number;
  /** Accepter → requester, Mbps. */
  readonly inMbps: number;
  /** The account that recorded the sample (either side of the peering). */
  readonly recordedBy: string;
}

/** Peering traffic samples, one per peering and sampling period, kept for billing (seed 003). */
export class TrafficTable {
  private readonly upsert: Statement;
  private readonly selectOne: Statement;
  private readonly selectRange: Statement;
  private readonly deleteFor: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      "INSERT INTO peering_traffic (peering_id, at, out_mbps, in_mbps, recorded_by) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (peering_id, at) DO UPDATE SET out_mbps = excluded.out_mbps, in_mbps = excluded.in_mbps, recorded_by = excluded.recorded_by",
    );
    this.selectOne = db.prepare("SELECT 1 FROM peering_traffic WHERE peering_id = ? AND at = ?").pluck();
    this.selectRange = db.prepare(
      "SELECT peering_id, at, out_mbps, in_mbps, recorded_by FROM peering_traffic WHERE peering_id = ? AND at >= ? AND at < ? ORDER BY at",
    );
    this.deleteFor = db.prepare("DELETE FROM peering_traffic WHERE peering_id = ?");
  }

  /** Stores a sample, replacing the one of the same period if there is one. */
  public put(record: TrafficRecord): void {
    this.upsert.run(record.peeringId, record.at, record.outMbps, record.inMbps, record.recordedBy);
  }

  /** True when the peering has a sample for the period starting at `at`. */
  public has(peeringId: string, at: number): boolean {
    return this.selectOne.get(peeringId, at) !== undefined;
  }

  /** The peering's samples of periods starting in [from, to), in time order. */
  public range(peeringId: string, from = Number.MIN_SAFE_INTEGER, to = Number.MAX_SAFE_INTEGER): TrafficRecord[] {
    return (this.selectRange.all(peeringId, from, to) as RawTraffic[]).map((r) => ({
      peeringId: r.peering_id,
      at: r.at,
      outMbps: r.out_mbps,
      inMbps: r.in_mbps,
      recordedBy: r.recorded_by,
    }));
  }

  /** Forgets a deleted peering's samples. */
  public forget(peeringId: string): void {
    this.deleteFor.run(peeringId);
  }
}

interface RawTraffic {
  peering_id: string;
  at: number;
  out_mbps: number;
  in_mbps: number;
  recorded_by: string;
}
