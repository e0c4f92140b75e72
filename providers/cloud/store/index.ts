import { Db } from "./db";
import { FaultTable } from "./faults";
import { MetaTable } from "./meta";
import { ResourceTable } from "./resources";
import { SecretTable } from "./secrets";
import { TokenTable } from "./tokens";

/** Every table of one store connection, with its statements prepared once. */
export class Store {
  public readonly resources: ResourceTable;
  public readonly secrets: SecretTable;
  public readonly tokens: TokenTable;
  public readonly faults: FaultTable;
  public readonly meta: MetaTable;

  constructor(public readonly db: Db) {
    this.resources = new ResourceTable(db);
    this.secrets = new SecretTable(db);
    this.tokens = new TokenTable(db);
    this.faults = new FaultTable(db);
    this.meta = new MetaTable(db);
  }
}

export { applyPragmas, defaultStorePath, openDatabase, migrate, schemaVersion, BUSY_TIMEOUT_MS } from "./db";
export type { Db } from "./db";
export type { ResourceRow, Reference, Referrer } from "./resources";
export type { FaultRecord } from "./faults";
export type { TokenRecord } from "./tokens";
export { CLOCK_EPOCH_MS } from "./meta";
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from "./migrations";
export type { Migration } from "./migrations";
