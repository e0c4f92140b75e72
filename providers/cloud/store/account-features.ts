import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** A feature a ticket enabled for an account. */
export interface AccountFeatureRecord {
  readonly account: string;
  readonly feature: string;
  readonly ticket: string;
  /** Engine time of the grant, ms. */
  readonly grantedAt: number;
}

/** The account features table (migration 11). */
export class AccountFeatureTable {
  private readonly upsert: Statement;
  private readonly remove: Statement;
  private readonly one: Statement;
  private readonly ofAccount: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      "INSERT INTO account_features (account, feature, ticket, granted_at) VALUES (?, ?, ?, ?) " +
        "ON CONFLICT (account, feature) DO UPDATE SET ticket = excluded.ticket, granted_at = excluded.granted_at",
    );
    this.remove = db.prepare("DELETE FROM account_features WHERE account = ? AND feature = ?");
    this.one = db.prepare("SELECT account, feature, ticket, granted_at AS grantedAt FROM account_features WHERE account = ? AND feature = ?");
    this.ofAccount = db.prepare("SELECT account, feature, ticket, granted_at AS grantedAt FROM account_features WHERE account = ? ORDER BY feature");
  }

  public grant(account: string, feature: string, ticket: string, at: number): void {
    this.upsert.run(account, feature, ticket, at);
  }

  /** False when the account did not have it. */
  public revoke(account: string, feature: string): boolean {
    return this.remove.run(account, feature).changes > 0;
  }

  public tryGet(account: string, feature: string): AccountFeatureRecord | undefined {
    return this.one.get(account, feature) as AccountFeatureRecord | undefined;
  }

  public of(account: string): AccountFeatureRecord[] {
    return this.ofAccount.all(account) as AccountFeatureRecord[];
  }
}
