import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** One API key as stored: the secret only sealed. */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly account: string;
  readonly cloud: string;
  readonly sealedSecret: string;
  readonly createdAt: number;
}

/** API keys of the cloud API server (`hybridlink credentials create`). */
export class ApiKeyTable {
  private readonly insertKey: Statement;
  private readonly selectKey: Statement;

  constructor(db: Db) {
    this.insertKey = db.prepare("INSERT INTO api_keys (key_id, account, cloud, sealed_secret, created_at) VALUES (?, ?, ?, ?, ?)");
    this.selectKey = db.prepare("SELECT key_id, account, cloud, sealed_secret, created_at FROM api_keys WHERE key_id = ?");
  }

  public insert(key: ApiKeyRecord): void {
    this.insertKey.run(key.keyId, key.account, key.cloud, key.sealedSecret, key.createdAt);
  }

  public tryGet(keyId: string): ApiKeyRecord | undefined {
    const row = this.selectKey.get(keyId) as
      | { key_id: string; account: string; cloud: string; sealed_secret: string; created_at: number }
      | undefined;
    return row && { keyId: row.key_id, account: row.account, cloud: row.cloud, sealedSecret: row.sealed_secret, createdAt: row.created_at };
  }
}
