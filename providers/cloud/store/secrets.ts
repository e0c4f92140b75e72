import type { Statement } from "better-sqlite3";
import { SecretBox } from "../secret-box";
import { Db } from "./db";

/**
 * Pre-shared keys, kept apart from resource props: Describe reads props only,
 * so it cannot return a key; only negotiation and the configuration download
 * (on explicit request) read this table. Values are sealed (`SecretBox`),
 * each bound to its resource and field.
 */
export class SecretTable {
  private readonly upsert: Statement;
  private readonly select: Statement;
  private readonly deleteOne: Statement;
  private readonly deleteAll: Statement;
  private readonly selectPlain: Statement;
  private readonly reseal: Statement;

  constructor(
    db: Db,
    private readonly box: SecretBox,
  ) {
    this.upsert = db.prepare(
      "INSERT INTO secrets (resource_id, name, value) VALUES (?, ?, ?) ON CONFLICT (resource_id, name) DO UPDATE SET value = excluded.value",
    );
    this.select = db.prepare("SELECT value FROM secrets WHERE resource_id = ? AND name = ?");
    this.deleteOne = db.prepare("DELETE FROM secrets WHERE resource_id = ? AND name = ?");
    this.deleteAll = db.prepare("DELETE FROM secrets WHERE resource_id = ?");
    this.selectPlain = db.prepare("SELECT resource_id, name, value FROM secrets WHERE value NOT LIKE 'gcm1:%'");
    this.reseal = db.prepare("UPDATE secrets SET value = ? WHERE resource_id = ? AND name = ?");
  }

  public put(resourceId: string, name: string, value: string): void {
    this.upsert.run(resourceId, name, this.box.seal(value, contextOf(resourceId, name)));
  }

  public tryGet(resourceId: string, name: string): string | undefined {
    const stored = (this.select.get(resourceId, name) as { value: string } | undefined)?.value;
    return stored === undefined ? undefined : this.box.open(stored, contextOf(resourceId, name));
  }

  public remove(resourceId: string, name: string): void {
    this.deleteOne.run(resourceId, name);
  }

  public removeAll(resourceId: string): void {
    this.deleteAll.run(resourceId);
  }

  /** Seals keys a store written before sealing holds in plain text; returns how many (call inside a write transaction). */
  public sealPlainRows(): number {
    const rows = this.selectPlain.all() as { resource_id: string; name: string; value: string }[];
    for (const row of rows) this.reseal.run(this.box.seal(row.value, contextOf(row.resource_id, row.name)), row.resource_id, row.name);
    return rows.length;
  }
}

function contextOf(resourceId: string, name: string): string {
  return `${resourceId}/${name}`;
}
