import type { Statement } from "better-sqlite3";
import { ResourceType } from "../../../lib/core/manifest";
import { formatId, ID_PREFIXES } from "../ids";
import { Db } from "./db";

/** One stored resource. `props` is the spec with references as cloud IDs and without secrets. */
export interface ResourceRow<P = Record<string, unknown>> {
  readonly id: string;
  readonly type: ResourceType;
  readonly account: string;
  /** The other account that may see the resource (the accepter of a peering). */
  readonly peerAccount?: string;
  readonly region?: string;
  readonly state?: string;
  /** The parent the resource's key range is unique or non-overlapping within. */
  readonly scope?: string;
  readonly rangeStart?: number;
  readonly rangeEnd?: number;
  /** Engine time of the next timed transition (gateway ready, peering expiry). */
  readonly dueAt?: number;
  readonly props: P;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The client token the resource was created with, and a digest of that request's parameters. */
  readonly clientToken?: string;
  readonly requestDigest?: string;
}

/** A reference from one resource to another, by the prop that holds it. */
export interface Reference {
  readonly field: string;
  readonly to: string;
}

/** A resource that points at another. */
export interface Referrer {
  readonly fromId: string;
  readonly fromType: ResourceType;
  readonly field: string;
}

/** The columns every read selects, in the order `toRow` reads them (rows come back as arrays: much cheaper than objects). */
const COLUMNS =
  "id, type, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at, client_token, request_digest, token_key";

type RawRow = [
  id: string,
  type: string,
  account: string,
  peerAccount: string | null,
  region: string | null,
  state: string | null,
  scope: string | null,
  rangeStart: number | null,
  rangeEnd: number | null,
  dueAt: number | null,
  props: string,
  createdAt: number,
  updatedAt: number,
  clientToken: string | null,
  requestDigest: string | null,
  tokenKey: number | null,
];

/** The `resources`, `refs` and `counters` tables, through prepared statements (one set per connection). */
export class ResourceTable {
  private readonly selectMaxId: Statement;
  private readonly selectHighWater: Statement;
  private readonly raiseHighWater: Statement;
  private readonly insertRow: Statement;
  private readonly insertRef: Statement;
  private readonly deleteRow: Statement;
  private readonly deleteRef: Statement;
  private readonly selectById: Statement;
  private readonly selectByToken: Statement;
  private readonly selectByAccount: Statement;
  private readonly selectByPeerAccount: Statement;
  private readonly selectByType: Statement;
  private readonly selectFloor: Statement;
  private readonly selectExact: Statement;
  private readonly selectChildren: Statement;
  private readonly selectReferrers: Statement;
  private readonly selectDue: Statement;
  private readonly updateRow: Statement;

  // Rows by ID and ID numbers by prefix, valid while no other connection has
  // committed (the Store checks PRAGMA data_version before every action).
  private readonly rowCache = new Map<string, RawRow>();
  private readonly topIdCache = new Map<string, number>();

  constructor(db: Db) {
    const rows = (sql: string) => db.prepare(sql.replace("SELECT *", `SELECT ${COLUMNS}`)).raw(true);
    this.selectMaxId = db.prepare("SELECT id FROM resources WHERE id > ? AND id < ? ORDER BY id DESC LIMIT 1");
    this.selectHighWater = db.prepare("SELECT value FROM counters WHERE prefix = ?");
    this.raiseHighWater = db.prepare(
      "INSERT INTO counters (prefix, value) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET value = max(value, excluded.value)",
    );
    this.insertRow = db.prepare(
      `INSERT INTO resources (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertRef = db.prepare("INSERT OR IGNORE INTO refs (to_id, field, from_id, from_type) VALUES (?, ?, ?, ?)");
    this.deleteRow = db.prepare("DELETE FROM resources WHERE id = ?");
    this.deleteRef = db.prepare("DELETE FROM refs WHERE to_id = ? AND field = ? AND from_id = ?");
    this.selectById = rows("SELECT * FROM resources WHERE id = ?");
    this.selectByToken = rows("SELECT * FROM resources WHERE token_key = ?");
    this.selectByAccount = rows("SELECT * FROM resources WHERE id > ? AND id < ? AND account = ? ORDER BY id");
    this.selectByPeerAccount = rows("SELECT * FROM resources WHERE peer_account = ? AND type = ? ORDER BY id");
    this.selectByType = rows("SELECT * FROM resources WHERE id > ? AND id < ? ORDER BY id");
    this.selectFloor = rows(
      "SELECT * FROM resources WHERE scope = ? AND type = ? AND range_start <= ? ORDER BY range_start DESC LIMIT 1",
    );
    this.selectExact = rows(
      "SELECT * FROM resources WHERE scope = ? AND type = ? AND range_start = ? AND range_end = ? ORDER BY id",
    );
    this.selectChildren = rows("SELECT * FROM resources WHERE scope = ? AND type = ? ORDER BY range_start, id");
    this.selectReferrers = db.prepare("SELECT from_id, from_type, field FROM refs WHERE to_id = ? AND field = ? ORDER BY from_id");
    this.selectDue = rows("SELECT * FROM resources WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id");
    this.updateRow = db.prepare(
      "UPDATE resources SET props = ?, state = ?, due_at = ?, updated_at = ? WHERE id = ?",
    );
  }

  /**
   * The next cloud ID of a type (call inside a write transaction): one above
   * both the highest live ID of the type and the highest ever deleted, so IDs
   * are never reused and creating writes no counter.
   */
  public nextId(type: ResourceType): string {
    const prefix = ID_PREFIXES[type];
    let top = this.topIdCache.get(prefix);
    if (top === undefined) {
      const [low, high] = idRange(type);
      const live = this.selectMaxId.get(low, high) as { id: string } | undefined;
      const deleted = this.selectHighWater.get(prefix) as { value: number } | undefined;
      top = Math.max(live ? parseInt(live.id.slice(low.length), 36) : 0, deleted?.value ?? 0);
      this.topIdCache.set(prefix, top);
    }
    return formatId(type, top + 1);
  }

  /** Drops every cached row and ID number (another connection committed, or this transaction rolled back). */
  public forgetCache(): void {
    this.rowCache.clear();
    this.topIdCache.clear();
  }

  /** The number an ID carries after its prefix. */
  public static idNumber(id: string): number {
    return parseInt(id.slice(id.indexOf("-") + 1), 36);
  }

  /** Stores a new resource and the index rows of its indexed references. */
  public insert(row: ResourceRow, indexedRefs: readonly Reference[]): void {
    const raw = toRaw(row);
    this.insertRow.run(...raw);
    this.cacheRow(raw);
    const prefix = ID_PREFIXES[row.type];
    const top = this.topIdCache.get(prefix);
    if (top !== undefined) this.topIdCache.set(prefix, Math.max(top, ResourceTable.idNumber(row.id)));
    for (const ref of indexedRefs) this.insertRef.run(ref.to, ref.field, row.id, row.type);
  }

  /** Writes the mutable columns of a resource. */
  public update(row: ResourceRow): void {
    const raw = toRaw(row);
    this.updateRow.run(raw[10], raw[5], raw[9], raw[12], raw[0]);
    this.cacheRow(raw);
  }

  /** Swaps the indexed references a resource holds (a modify changed a reference field). */
  public replaceRefs(id: string, type: ResourceType, before: readonly Reference[], after: readonly Reference[]): void {
    for (const ref of before) this.deleteRef.run(ref.to, ref.field, id);
    for (const ref of after) this.insertRef.run(ref.to, ref.field, id, type);
  }

  /** Removes a resource and its reference index rows, and remembers its ID number so it is never reused. */
  public remove(row: ResourceRow, indexedRefs: readonly Reference[]): void {
    for (const ref of indexedRefs) this.deleteRef.run(ref.to, ref.field, row.id);
    this.deleteRow.run(row.id);
    this.rowCache.delete(row.id);
    this.raiseHighWater.run(ID_PREFIXES[row.type], ResourceTable.idNumber(row.id));
  }

  public tryGet(id: string): ResourceRow | undefined {
    let raw = this.rowCache.get(id);
    if (!raw) {
      raw = this.selectById.get(id) as RawRow | undefined;
      if (raw) this.cacheRow(raw);
    }
    return raw ? toRow(raw) : undefined;
  }

  private cacheRow(raw: RawRow): void {
    if (this.rowCache.size >= ROW_CACHE_LIMIT) this.rowCache.clear();
    this.rowCache.set(raw[0], raw);
  }

  /** The resource an account created with this client token, if it still exists. */
  public tryGetByClientToken(account: string, token: string): ResourceRow | undefined {
    const raw = (this.selectByToken.all(tokenKey(account, token)) as RawRow[]).find((r) => r[2] === account && r[13] === token);
    return raw ? toRow(raw) : undefined;
  }

  /** Resources of a type owned by an account, by ID. */
  public ownedBy(account: string, type: ResourceType): ResourceRow[] {
    const [low, high] = idRange(type);
    return (this.selectByAccount.all(low, high, account) as RawRow[]).map(toRow);
  }

  /** Resources of a type another account may see as their peer (peerings they accept). */
  public sharedWith(account: string, type: ResourceType): ResourceRow[] {
    return (this.selectByPeerAccount.all(account, type) as RawRow[]).map(toRow);
  }

  /** Every resource of a type, in every account (the data plane's view). */
  public ofType(type: ResourceType): ResourceRow[] {
    const [low, high] = idRange(type);
    return (this.selectByType.all(low, high) as RawRow[]).map(toRow);
  }

  /** The resource of a type in a scope whose range starts at or below `at`, nearest first (an indexed seek). */
  public floor(type: ResourceType, scope: string, at: number): ResourceRow | undefined {
    const raw = this.selectFloor.get(scope, type, at) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /** The resources of a type in a scope with exactly this range. */
  public exact(type: ResourceType, scope: string, start: number, end: number): ResourceRow[] {
    return (this.selectExact.all(scope, type, start, end) as RawRow[]).map(toRow);
  }

  /** Every resource of a type in a scope (a parent's children), by range. */
  public children(scope: string, type: ResourceType): ResourceRow[] {
    return (this.selectChildren.all(scope, type) as RawRow[]).map(toRow);
  }

  /** The resources whose indexed reference `field` names `id`. */
  public referrers(id: string, field: string): Referrer[] {
    const rows = this.selectReferrers.all(id, field) as Array<{ from_id: string; from_type: string; field: string }>;
    return rows.map((r) => ({ fromId: r.from_id, fromType: r.from_type as ResourceType, field: r.field }));
  }

  /** Resources with a timed transition due at or before `now`, earliest first. */
  public dueBy(now: number): ResourceRow[] {
    return (this.selectDue.all(now) as RawRow[]).map(toRow);
  }
}

/** The primary-key range holding every ID of a type: (`vpc-`, `vpc.`) since '.' follows '-'. */
function idRange(type: ResourceType): [string, string] {
  const prefix = ID_PREFIXES[type];
  return [`${prefix}-`, `${prefix}.`];
}

const ROW_CACHE_LIMIT = 20_000;

/**
 * The indexed key of a client token: a 53-bit hash (cyrb53) of account and
 * token. Not a security boundary: collisions only share an index entry, and the
 * lookup compares the row's account and token.
 */
function tokenKey(account: string, token: string): number {
  const text = `${account}\n${token}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function toRaw(row: ResourceRow): RawRow {
  return [
    row.id,
    row.type,
    row.account,
    row.peerAccount ?? null,
    row.region ?? null,
    row.state ?? null,
    row.scope ?? null,
    row.rangeStart ?? null,
    row.rangeEnd ?? null,
    row.dueAt ?? null,
    JSON.stringify(row.props),
    row.createdAt,
    row.updatedAt,
    row.clientToken ?? null,
    row.requestDigest ?? null,
    row.clientToken !== undefined ? tokenKey(row.account, row.clientToken) : null,
  ];
}

/** A fresh row from its stored columns (props parsed anew, so callers never share a cached object). */
function toRow(raw: RawRow): ResourceRow {
  const [id, type, account, peerAccount, region, state, scope, rangeStart, rangeEnd, dueAt, props, createdAt, updatedAt, clientToken, requestDigest] = raw;
  const row: { -readonly [K in keyof ResourceRow]: ResourceRow[K] } = {
    id,
    type: type as ResourceType,
    account,
    props: JSON.parse(props) as Record<string, unknown>,
    createdAt,
    updatedAt,
  };
  if (peerAccount !== null) row.peerAccount = peerAccount;
  if (region !== null) row.region = region;
  if (state !== null) row.state = state;
  if (scope !== null) row.scope = scope;
  if (rangeStart !== null) row.rangeStart = rangeStart;
  if (rangeEnd !== null) row.rangeEnd = rangeEnd;
  if (dueAt !== null) row.dueAt = dueAt;
  if (clientToken !== null) row.clientToken = clientToken;
  if (requestDigest !== null) row.requestDigest = requestDigest;
  return row;
}
