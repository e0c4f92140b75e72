import type { Statement } from "better-sqlite3";
import { Db } from "./db";

/** A feature a ticket enabled for an account on one cloud. */
export interface AccountFeatureRecord {
  readonly account: string;
  /** The cloud profile whose support answered the ticket (`tencent`, …). */
  readonly cloud: string;
  readonly feature: string;
  readonly ticket: string;
  /** Engine time of the grant, ms. */
  readonly grantedAt: number;
}

const COLUMNS = "account, cloud, feature, ticket, granted_at AS grantedAt";

/** The account features table (migrations 11 and 12). */
export class AccountFeatureTable {
  private readonly upsert: Statement;
  private readonly remove: Statement;
  private readonly one: Statement;
  private readonly ofAccount: Statement;
  private readonly every: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      "INSERT INTO account_features (account, cloud, feature, ticket, granted_at) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (account, cloud, feature) DO UPDATE SET ticket = excluded.ticket, granted_at = excluded.granted_at",
    );
    this.remove = db.prepare("DELETE FROM account_features WHERE account = ? AND cloud = ? AND feature = ?");
    this.one = db.prepare(`SELECT ${COLUMNS} FROM account_features WHERE account = ? AND cloud = ? AND feature = ?`);
    this.ofAccount = db.prepare(`SELECT ${COLUMNS} FROM account_features WHERE account = ? AND cloud = ? ORDER BY feature`);
    this.every = db.prepare(`SELECT ${COLUMNS} FROM account_features ORDER BY account, cloud, feature`);
  }

  /** Grants (or re-grants, with the new ticket and time) `feature` to `account` on `cloud`. */
  public grant(account: string, cloud: string, feature: string, ticket: string, at: number): void {
    this.upsert.run(account, cloud, feature, ticket, at);
  }

  /** False when the account did not have it on that cloud. */
  public revoke(account: string, cloud: string, feature: string): boolean {
    return this.remove.run(account, cloud, feature).changes > 0;
  }

  public tryGet(account: string, cloud: string, feature: string): AccountFeatureRecord | undefined {
    return this.one.get(account, cloud, feature) as AccountFeatureRecord | undefined;
  }

  /** What `account` holds on `cloud` (what that cloud shows the account). */
  public of(account: string, cloud: string): AccountFeatureRecord[] {
    return this.ofAccount.all(account, cloud) as AccountFeatureRecord[];
  }

  /** Every grant of every account on every cloud (the operator's view). */
  public all(): AccountFeatureRecord[] {
    return this.every.all() as AccountFeatureRecord[];
  }
}
