import { AccountFeatureTable } from "./account-features";
import type { Statement } from "better-sqlite3";
import { ApiKeyTable } from "./api-keys";
import { Db } from "./db";
import { FaultTable } from "./faults";
import { MetaTable } from "./meta";
import { ResourceTable } from "./resources";
import { SecretBox } from "../secret-box";
import { SecretTable } from "./secrets";
import { TrafficTable } from "./traffic";

/** Every table of one store connection, with its statements prepared once. */
export class Store {
  public readonly resources: ResourceTable;
  public readonly secrets: SecretTable;
  public readonly faults: FaultTable;
  public readonly meta: MetaTable;
  public readonly traffic: TrafficTable;
  public readonly apiKeys: ApiKeyTable;
  public readonly features: AccountFeatureTable;

  private readonly dataVersion: Statement;
  private seenVersion: number | undefined;

  constructor(
    public readonly db: Db,
    /** Seals the keys this store keeps (pre-shared keys). */
    public readonly box: SecretBox,
  ) {
    this.dataVersion = db.prepare("PRAGMA data_version").pluck();
    this.resources = new ResourceTable(db);
    this.secrets = new SecretTable(db, box);
    this.faults = new FaultTable(db);
    this.meta = new MetaTable(db);
    this.traffic = new TrafficTable(db);
    this.apiKeys = new ApiKeyTable(db);
    this.features = new AccountFeatureTable(db);
  }

  /**
   * Call first thing inside every transaction: drops the caches if another
   * connection (another process) has committed since this one last looked.
   */
  public beginAction(): void {
    const version = this.dataVersion.get() as number;
    if (version !== this.seenVersion) {
      this.forgetCaches();
      this.seenVersion = version;
    }
  }

  /** Drops every cache (after a rollback, cached writes may never have happened). */
  public forgetCaches(): void {
    this.resources.forgetCache();
    this.meta.forgetCache();
  }
}

export { applyPragmas, defaultStorePath, openDatabase, migrate, readOnlyStoreError, schemaVersion, storeError, BUSY_TIMEOUT_MS } from "./db";
export type { Db } from "./db";
export type { ResourceRow, Reference, Referrer } from "./resources";
export type { FaultRecord } from "./faults";
export type { TrafficRecord } from "./traffic";
export type { ApiKeyRecord } from "./api-keys";
export { CLOCK_EPOCH_MS } from "./meta";
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from "./migrations";
export type { Migration } from "./migrations";
export type { AccountFeatureRecord } from "./account-features";
