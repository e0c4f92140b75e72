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

/**
 * The types and ID prefixes there were when migration 4 split `resources`.
 * Frozen, as a released migration must be: a type added later gets its table
 * in a migration of its own.
 */
const V4_TYPES: ReadonlyArray<readonly [type: string, prefix: string]> = [
  ["Vpc", "vpc"],
  ["Subnet", "subnet"],
  ["RouteTable", "rtb"],
  ["Route", "rt"],
  ["VpnGateway", "vpngw"],
  ["CustomerGateway", "cgw"],
  ["VpnConnection", "vpnx"],
  ["VpnGatewayRoute", "vpngwrt"],
  ["Ccn", "ccn"],
  ["CcnAttachment", "ccnatt"],
  ["DirectConnectGateway", "dcg"],
  ["PeeringConnection", "pcx"],
  ["IdcSite", "idc"],
];

const BASE36_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Migration 4. In the one `resources` table keyed by ID, every type's new rows
 * went to the end of its ID range, in the middle of the tree, where SQLite
 * splits a full page by spreading it over its neighbours: about one page write
 * per create went to splits. In a table of its own, keyed by the ID's number
 * (`subnet-0000001a` is row 46 of `resources_subnet`: 1a in base 36), a type's
 * rows append at the right edge, where a split just starts a new page.
 * Client tokens stay in the rows but lose their index, a page write per
 * create: the engine keeps them in memory (ClientTokenIndex), read from the
 * rows and topped up with the rows other connections add.
 */
function perTypeTablesSql(): string {
  const statements: string[] = [
    // Every row's ID must have the form formatId gives its type, or the number below would be wrong: stop instead.
    "CREATE TEMP TABLE migration_4_check (ids_well_formed INTEGER NOT NULL CHECK (ids_well_formed = 1));",
    `INSERT INTO migration_4_check SELECT NOT EXISTS (SELECT 1 FROM resources WHERE NOT (${V4_TYPES.map(
      ([type, prefix]) => `(type = '${type}' AND id GLOB '${prefix}-${"[0-9a-z]".repeat(8)}')`,
    ).join(" OR ")}));`,
    "DROP TABLE migration_4_check;",
  ];
  for (const [type, prefix] of V4_TYPES) {
    const table = `resources_${prefix}`;
    const number = Array.from(
      { length: 8 },
      (_, k) => `(instr('${BASE36_DIGITS}', substr(id, ${prefix.length + 2 + k}, 1)) - 1) * ${36 ** (7 - k)}`,
    ).join(" + ");
    statements.push(
      `CREATE TABLE ${table} (
        n INTEGER PRIMARY KEY,
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
        updated_at INTEGER NOT NULL,
        client_token TEXT,
        request_digest TEXT
      );`,
      `CREATE INDEX ${table}_by_scope ON ${table} (scope, range_start) WHERE scope IS NOT NULL;`,
      `CREATE INDEX ${table}_by_peer_account ON ${table} (peer_account) WHERE peer_account IS NOT NULL;`,
      `CREATE INDEX ${table}_by_due ON ${table} (due_at) WHERE due_at IS NOT NULL;`,
      `INSERT INTO ${table} (n, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at, client_token, request_digest)
        SELECT ${number}, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at, client_token, request_digest
        FROM resources WHERE type = '${type}';`,
    );
  }
  statements.push("DROP TABLE resources;");
  return statements.join("\n");
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "resources (with client tokens), references, secrets, faults, clock, ID high-water marks",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE clock (id INTEGER PRIMARY KEY CHECK (id = 1), now_ms INTEGER NOT NULL);
      -- Highest ID number ever deleted, per ID prefix: new IDs continue above it
      -- and above the highest live ID, so an ID is never reused.
      CREATE TABLE counters (prefix TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

      -- One row per resource, keyed by its cloud ID. IDs start with their type's
      -- prefix, so one type (in one account) is a primary-key range: no other
      -- index is written on the common create path.
      -- scope is the resource's parent (a subnet's VPC, a route's table) or the
      -- namespace its key must be unique in; range_* is the one CIDR (or address)
      -- the type is keyed by there. Overlap, duplicate and child lookups are
      -- seeks on resources_by_scope.
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
        updated_at INTEGER NOT NULL,
        -- The create request's client token and a digest of its parameters: a retry
        -- with the same token finds the resource instead of creating it again.
        client_token TEXT,
        request_digest TEXT,
        -- 48 bits of a hash of (account, token): a small integer key keeps the
        -- token index compact; the row's account and token are compared on lookup.
        token_key INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX resources_by_token_key ON resources (token_key) WHERE token_key IS NOT NULL;
      CREATE INDEX resources_by_scope ON resources (scope, type, range_start) WHERE scope IS NOT NULL;
      CREATE INDEX resources_by_peer_account ON resources (peer_account) WHERE peer_account IS NOT NULL;
      CREATE INDEX resources_by_due ON resources (due_at) WHERE due_at IS NOT NULL;

      -- Reverse index of the references that hot paths look up (a VPC's accepted
      -- peerings for the quota, an instance's CCN attachment); the others are
      -- found through scopes when a delete needs them.
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
  {
    version: 2,
    description: "stacks deployed by `hybridlink up` and their resources (read and written by lib/cli/stack)",
    sql: `
      -- One row per deployed app: its settings and declared intents, so drills work without the program.
      CREATE TABLE stacks (
        name TEXT PRIMARY KEY,
        program TEXT NOT NULL,
        app TEXT NOT NULL,
        intents TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- One row per logical resource: cloud ID, inputs applied (a pre-shared key only as a digest),
      -- outputs, status and the create's client token (a resumed up retries with it).
      CREATE TABLE stack_resources (
        stack TEXT NOT NULL,
        logical_id TEXT NOT NULL,
        path TEXT NOT NULL,
        type TEXT NOT NULL,
        account TEXT NOT NULL,
        cloud_id TEXT,
        inputs TEXT NOT NULL,
        outputs TEXT NOT NULL,
        status TEXT NOT NULL,
        depends_on TEXT NOT NULL,
        client_token TEXT NOT NULL,
        PRIMARY KEY (stack, logical_id)
      ) WITHOUT ROWID;
      CREATE INDEX stack_resources_by_cloud_id ON stack_resources (cloud_id) WHERE cloud_id IS NOT NULL;
      -- Pre-shared keys that up generated for unset environment variables (demo engine only); never printed.
      CREATE TABLE stack_secrets (
        stack TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (stack, name)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: "peering traffic: one bandwidth sample per peering and 5-minute period, for billing (seed 003)",
    sql: `
      -- The period's start is the key: a period has one measurement, and a range of days is a key seek.
      CREATE TABLE peering_traffic (
        peering_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        out_mbps REAL NOT NULL,
        in_mbps REAL NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (peering_id, at)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: "one resources table per type, keyed by the ID's number (rows append in ID order); client tokens without an index",
    sql: perTypeTablesSql(),
  },
  {
    version: 6,
    description: "API keys of `hybridlink serve` (credentials create): key ID, account, cloud, secret sealed (never in clear)",
    sql: `
      -- The secret is needed in clear to recompute a request's HMAC, so it is sealed (encrypted), not digested.
      CREATE TABLE api_keys (
        key_id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        cloud TEXT NOT NULL,
        sealed_secret TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    description: "stack locks: one up or destroy at a time per stack (read and written by lib/cli/stack/stack-lock.ts)",
    sql: `
      -- The holder as people identify it (pid, host, wall-clock time) and as this machine tells it is
      -- gone (machine = host, boot and PID namespace; process_start guards against a reused PID).
      CREATE TABLE stack_locks (
        stack TEXT PRIMARY KEY,
        operation TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        machine TEXT NOT NULL,
        process_start TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        token TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 10,
    description: "stacks: the digest of the app, settings and keys last deployed in full (a no-op up decides from it)",
    sql: `
      -- Set when an up completes; cleared by every write to the stack's resource records.
      ALTER TABLE stacks ADD COLUMN deployed_digest TEXT;
    `,
  },
  {
    version: 11,
    description: "account features: what a ticket with the cloud enabled for an account (the VPN route table's gray release, peering above the cap)",
    sql: `
      -- Granted by the store's operator (hybridlink account feature grant), as the cloud's support grants a ticket.
      CREATE TABLE account_features (
        account TEXT NOT NULL,
        feature TEXT NOT NULL,
        ticket TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        PRIMARY KEY (account, feature)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    description: "account features per cloud: a ticket is answered by one cloud's support, so a grant is for (account, cloud, feature)",
    sql: `
      -- Migration 11 kept no cloud. When it was written only Tencent gated either feature (seed 000's gray
      -- release, seed 003's cap), so its grants were Tencent's: they move over as such.
      CREATE TABLE account_features_by_cloud (
        account TEXT NOT NULL,
        cloud TEXT NOT NULL,
        feature TEXT NOT NULL,
        ticket TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        PRIMARY KEY (account, cloud, feature)
      ) WITHOUT ROWID;
      INSERT INTO account_features_by_cloud (account, cloud, feature, ticket, granted_at)
        SELECT account, 'tencent', feature, ticket, granted_at FROM account_features;
      DROP TABLE account_features;
      ALTER TABLE account_features_by_cloud RENAME TO account_features;
    `,
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
