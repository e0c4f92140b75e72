/**
 * The store's schema, as ordered migrations. A store records the versions it
 * has applied in `schema_version`; opening it applies the missing ones in
 * order, inside one write transaction, so two processes opening a new file at
 * once cannot both migrate it. Never edit a released migration: add one.
 */
export interface Migration {
  readonly version: number;
  /** What the migration does, for people reading `schema_version`. */
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "resources, references, secrets, client tokens, faults, clock, counters",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE clock (id INTEGER PRIMARY KEY CHECK (id = 1), now_ms INTEGER NOT NULL);
      CREATE TABLE counters (prefix TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

      -- One row per resource. scope/range_* carry the one CIDR (or address) a type
      -- is keyed by within its parent, so overlap and duplicate checks are index
      -- lookups: a subnet in its VPC, a route in its table, a gateway route on its
      -- gateway, a customer gateway's IP in its account.
      CREATE TABLE resources (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        account TEXT NOT NULL,
        peer_account TEXT,
        region TEXT,
        state TEXT,
        scope TEXT,
        range_start INTEGER,
        range_end INTEGER,
        due_at INTEGER,
        props TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX resources_by_account ON resources (account, type);
      CREATE INDEX resources_by_scope ON resources (type, scope, range_start) WHERE scope IS NOT NULL;
      CREATE INDEX resources_by_peer_account ON resources (peer_account) WHERE peer_account IS NOT NULL;
      CREATE INDEX resources_by_due ON resources (due_at) WHERE due_at IS NOT NULL;

      -- Who points at whom: dependency checks on delete, cascades, next-hop filters.
      CREATE TABLE refs (
        to_id TEXT NOT NULL,
        field TEXT NOT NULL,
        from_id TEXT NOT NULL,
        from_type TEXT NOT NULL,
        PRIMARY KEY (to_id, field, from_id)
      ) WITHOUT ROWID;

      -- Pre-shared keys live apart from props so that no Describe can return them.
      CREATE TABLE secrets (
        resource_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (resource_id, name)
      ) WITHOUT ROWID;

      CREATE TABLE client_tokens (
        account TEXT NOT NULL,
        token TEXT NOT NULL,
        action TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, token)
      ) WITHOUT ROWID;

      -- Fault history: health-check detection needs when each fault began and ended.
      CREATE TABLE faults (
        seq INTEGER PRIMARY KEY,
        target_id TEXT NOT NULL,
        target_type TEXT NOT NULL,
        failed_at INTEGER NOT NULL,
        recovered_at INTEGER
      );
      CREATE INDEX faults_by_target ON faults (target_id, failed_at);
    `,
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
