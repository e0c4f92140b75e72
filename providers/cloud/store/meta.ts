import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** The engine clock's start: a fixed instant so that every store's timestamps are reproducible. */
export const CLOCK_EPOCH_MS = Date.UTC(2025, 0, 1);

/** Store-wide settings (the cloud profile) and the engine clock. */
export class MetaTable {
  private readonly selectMeta: Statement;
  private readonly insertMeta: Statement;
  private readonly selectClock: Statement;
  private readonly initClock: Statement;
  private readonly updateClock: Statement;
  private cachedNow: number | undefined;

  constructor(db: Db) {
    this.selectMeta = db.prepare("SELECT value FROM meta WHERE key = ?");
    this.insertMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
    this.selectClock = db.prepare("SELECT now_ms FROM clock WHERE id = 1");
    this.initClock = db.prepare("INSERT OR IGNORE INTO clock (id, now_ms) VALUES (1, ?)");
    this.updateClock = db.prepare("UPDATE clock SET now_ms = ? WHERE id = 1");
  }

  public tryGet(key: string): string | undefined {
    return (this.selectMeta.get(key) as { value: string } | undefined)?.value;
  }

  public put(key: string, value: string): void {
    this.insertMeta.run(key, value);
  }

  /** The engine clock, in milliseconds since the Unix epoch. */
  public now(): number {
    if (this.cachedNow === undefined) {
      const row = this.selectClock.get() as { now_ms: number } | undefined;
      this.cachedNow = row ? row.now_ms : CLOCK_EPOCH_MS;
    }
    return this.cachedNow;
  }

  /** Drops the cached clock (another connection may have advanced it). */
  public forgetCache(): void {
    this.cachedNow = undefined;
  }

  /** Starts the clock at the epoch if the store has none yet. */
  public ensureClock(): void {
    this.initClock.run(CLOCK_EPOCH_MS);
    this.cachedNow = undefined;
  }

  public setNow(nowMs: number): void {
    this.updateClock.run(nowMs);
    this.cachedNow = nowMs;
  }
}
