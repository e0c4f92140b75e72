import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** A create that has already run under a client token. */
export interface TokenRecord {
  readonly action: string;
  /** Digest of the request's parameters: a retry must send the same ones. */
  readonly fingerprint: string;
  /** The response the first request got (never holds a secret). */
  readonly response: Record<string, unknown>;
}

/** Client tokens of create requests, per account, so a retried create does not create twice. */
export class TokenTable {
  private readonly select: Statement;
  private readonly insert: Statement;

  constructor(db: Db) {
    this.select = db.prepare("SELECT action, fingerprint, response FROM client_tokens WHERE account = ? AND token = ?");
    this.insert = db.prepare(
      "INSERT INTO client_tokens (account, token, action, fingerprint, response, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
  }

  public tryGet(account: string, token: string): TokenRecord | undefined {
    const row = this.select.get(account, token) as { action: string; fingerprint: string; response: string } | undefined;
    return row ? { action: row.action, fingerprint: row.fingerprint, response: JSON.parse(row.response) } : undefined;
  }

  public put(account: string, token: string, record: TokenRecord, now: number): void {
    this.insert.run(account, token, record.action, record.fingerprint, JSON.stringify(record.response), now);
  }
}
