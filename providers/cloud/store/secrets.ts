import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/**
 * Pre-shared keys, kept apart from resource props: Describe reads props only,
 * so it cannot return a key; only negotiation and the configuration download
 * (on explicit request) read this table.
 */
export class SecretTable {
  private readonly upsert: Statement;
  private readonly select: Statement;
  private readonly deleteOne: Statement;
  private readonly deleteAll: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      "INSERT INTO secrets (resource_id, name, value) VALUES (?, ?, ?) ON CONFLICT (resource_id, name) DO UPDATE SET value = excluded.value",
    );
    this.select = db.prepare("SELECT value FROM secrets WHERE resource_id = ? AND name = ?");
    this.deleteOne = db.prepare("DELETE FROM secrets WHERE resource_id = ? AND name = ?");
    this.deleteAll = db.prepare("DELETE FROM secrets WHERE resource_id = ?");
  }

  public put(resourceId: string, name: string, value: string): void {
    this.upsert.run(resourceId, name, value);
  }

  public tryGet(resourceId: string, name: string): string | undefined {
    return (this.select.get(resourceId, name) as { value: string } | undefined)?.value;
  }

  public remove(resourceId: string, name: string): void {
    this.deleteOne.run(resourceId, name);
  }

  public removeAll(resourceId: string): void {
    this.deleteAll.run(resourceId);
  }
}
