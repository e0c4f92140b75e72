import type { Statement } from "better-sqlite3";
import { ResourceType } from "../../../lib";
import { formatId, ID_PREFIXES, parseId } from "../ids";
import { ClientTokenIndex } from "./client-tokens";
import { Db } from "./db";
import { decode, numberOf, RawRow, Reference, Referrer, ResourceRow, StoredRow } from "./rows";
import { TypeTable } from "./type-tables";

export type { Reference, Referrer, ResourceRow } from "./rows";

const TYPES = Object.keys(ID_PREFIXES) as ResourceType[];

/**
 * Every resource, one table per type keyed by the number its ID carries (so
 * a type's new rows append at its table's end), the reference index and the
 * ID high-water marks, through prepared statements, one set per connection;
 * client tokens through an index in memory (ClientTokenIndex).
 */
export class ResourceTable {
  private readonly tables = new Map<ResourceType, TypeTable>();
  private readonly selectHighWater: Statement;
  private readonly raiseHighWater: Statement;
  private readonly insertRef: Statement;
  private readonly deleteRef: Statement;
  private readonly selectReferrers: Statement;

  // Rows by ID and top ID numbers by type, valid while no other connection has
  // committed (the Store checks PRAGMA data_version before every action).
  private readonly rowCache = new Map<string, StoredRow>();
  private readonly topIdCache = new Map<ResourceType, number>();
  // Referrers by `${to}\n${field}`, kept up to date by this connection's writes to refs.
  private readonly referrerCache = new Map<string, readonly Referrer[]>();
  private readonly tokens = new ClientTokenIndex((type, after) => this.table(type).statement("tokensAfter").all(after) as Array<[number, string, string]>);

  constructor(private readonly db: Db) {
    this.selectHighWater = db.prepare("SELECT value FROM counters WHERE prefix = ?").pluck();
    this.raiseHighWater = db.prepare(
      "INSERT INTO counters (prefix, value) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET value = max(value, excluded.value)",
    );
    this.insertRef = db.prepare("INSERT OR IGNORE INTO refs (to_id, field, from_id, from_type) VALUES (?, ?, ?, ?)");
    this.deleteRef = db.prepare("DELETE FROM refs WHERE to_id = ? AND field = ? AND from_id = ?");
    this.selectReferrers = db.prepare("SELECT from_id, from_type FROM refs WHERE to_id = ? AND field = ? ORDER BY from_id").raw(true);
  }

  /**
   * The next cloud ID of a type (call inside a write transaction): one above
   * both the highest live ID of the type and the highest ever deleted, so IDs
   * are never reused and creating writes no counter.
   */
  public nextId(type: ResourceType): string {
    let top = this.topIdCache.get(type);
    if (top === undefined) {
      const live = this.table(type).statement("maxNumber").get() as number | null;
      const deleted = this.selectHighWater.get(ID_PREFIXES[type]) as number | undefined;
      top = Math.max(live ?? 0, deleted ?? 0);
      this.topIdCache.set(type, top);
    }
    return formatId(type, top + 1);
  }

  /** Drops every cached row and ID number (another connection committed, or this transaction rolled back). */
  public forgetCache(): void {
    this.rowCache.clear();
    this.topIdCache.clear();
    this.referrerCache.clear();
    this.tokens.markStale();
  }

  /** The number an ID carries after its prefix. */
  public static idNumber(id: string): number {
    return parseInt(id.slice(id.indexOf("-") + 1), 36);
  }

  /** Stores a new resource, its client token and the index rows of its indexed references. */
  public insert(row: ResourceRow, indexedRefs: readonly Reference[]): void {
    const n = numberOf(row);
    const raw: RawRow = [
      n,
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
    ];
    this.table(row.type).statement("insert").run(raw);
    if (row.clientToken !== undefined) this.tokens.add(row.account, row.clientToken, row.id);
    // Not cached: most new rows are leaves nobody reads in the same session; a parent is cached on its first read.
    const top = this.topIdCache.get(row.type);
    if (top !== undefined && n > top) this.topIdCache.set(row.type, n);
    for (const ref of indexedRefs) this.addRef(ref, row.id, row.type);
  }

  /** Writes the mutable columns of a resource. */
  public update(row: ResourceRow): void {
    const cached = this.stored(row.id);
    if (!cached) throw new Error(`update of ${row.id}, which is not stored`);
    const raw: RawRow = [...cached.raw];
    raw[4] = row.state ?? null;
    raw[8] = row.dueAt ?? null;
    raw[9] = JSON.stringify(row.props);
    raw[11] = row.updatedAt;
    this.table(row.type).statement("update").run(raw[9], raw[4], raw[8], raw[11], raw[0]);
    this.cacheRow({ id: row.id, type: row.type, raw });
  }

  /** Swaps the indexed references a resource holds (a modify changed a reference field). */
  public replaceRefs(id: string, type: ResourceType, before: readonly Reference[], after: readonly Reference[]): void {
    for (const ref of before) this.dropRef(ref, id);
    for (const ref of after) this.addRef(ref, id, type);
  }

  /** Removes a resource, its client token and its reference index rows, and remembers its ID number so it is never reused. */
  public remove(row: ResourceRow, indexedRefs: readonly Reference[]): void {
    for (const ref of indexedRefs) this.dropRef(ref, row.id);
    if (row.clientToken !== undefined) this.tokens.remove(row.account, row.clientToken, row.id);
    const n = numberOf(row);
    this.table(row.type).statement("remove").run(n);
    this.rowCache.delete(row.id);
    this.raiseHighWater.run(ID_PREFIXES[row.type], n);
  }

  public tryGet(id: string): ResourceRow | undefined {
    const stored = this.stored(id);
    return stored ? decode(stored) : undefined;
  }

  /**
   * The resource an account created with this client token, if it still
   * exists. Call before the transaction writes (the engine does, first thing).
   */
  public tryGetByClientToken(account: string, token: string): ResourceRow | undefined {
    const id = this.tokens.lookup(account, token);
    // The index may remember a resource deleted since, or a create rolled back: the row decides.
    const stored = id !== undefined ? this.stored(id) : undefined;
    // Columns 1 and 12: the owner, and the token the row was created with.
    return stored && stored.raw[1] === account && stored.raw[12] === token ? decode(stored) : undefined;
  }

  /** Resources of a type owned by an account, by ID. */
  public ownedBy(account: string, type: ResourceType): ResourceRow[] {
    return this.decodeAll(type, this.table(type).statement("ownedBy").all(account) as RawRow[]);
  }

  /** Resources of a type another account may see as their peer (peerings they accept). */
  public sharedWith(account: string, type: ResourceType): ResourceRow[] {
    return this.decodeAll(type, this.table(type).statement("sharedWith").all(account) as RawRow[]);
  }

  /** Every resource of a type, in every account (the data plane's view). */
  public ofType(type: ResourceType): ResourceRow[] {
    return this.decodeAll(type, this.table(type).statement("all").all() as RawRow[]);
  }

  /**
   * The end of the range of the resource of a type in a scope whose range
   * starts at or below `at`, nearest first, and its ID: what an overlap check
   * needs, without reading the row.
   */
  public floorRange(type: ResourceType, scope: string, at: number): { readonly id: string; readonly rangeEnd: number } | undefined {
    const hit = this.table(type).statement("floor").get(scope, at) as [n: number, rangeEnd: number | null] | undefined;
    return hit && hit[1] !== null ? { id: formatId(type, hit[0]), rangeEnd: hit[1] } : undefined;
  }

  /** The resources of a type in a scope with exactly this range. */
  public exact(type: ResourceType, scope: string, start: number, end: number): ResourceRow[] {
    const numbers = this.table(type).statement("exact").all(scope, start, end) as number[];
    return numbers.map((n) => this.tryGet(formatId(type, n))!);
  }

  /** Every resource of a type in a scope (a parent's children), by range. */
  public children(scope: string, type: ResourceType): ResourceRow[] {
    return this.decodeAll(type, this.table(type).statement("children").all(scope) as RawRow[]);
  }

  /** The resources whose indexed reference `field` names `id`. */
  public referrers(id: string, field: string): Referrer[] {
    const key = `${id}\n${field}`;
    let referrers = this.referrerCache.get(key);
    if (!referrers) {
      const rows = this.selectReferrers.all(id, field) as Array<[fromId: string, fromType: string]>;
      referrers = rows.map(([fromId, fromType]) => Object.freeze({ fromId, fromType: fromType as ResourceType, field }));
      if (this.referrerCache.size >= CACHE_LIMIT) this.referrerCache.clear();
      this.referrerCache.set(key, referrers);
    }
    return [...referrers];
  }

  /** Resources with a timed transition due at or before `now`, earliest first (then by ID). */
  public dueBy(now: number): ResourceRow[] {
    const due = TYPES.flatMap((type) => this.decodeAll(type, this.table(type).statement("due").all(now) as RawRow[]));
    return due.sort((a, b) => a.dueAt! - b.dueAt! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private addRef(ref: Reference, fromId: string, fromType: ResourceType): void {
    this.insertRef.run(ref.to, ref.field, fromId, fromType);
    this.referrerCache.delete(`${ref.to}\n${ref.field}`);
  }

  private dropRef(ref: Reference, fromId: string): void {
    this.deleteRef.run(ref.to, ref.field, fromId);
    this.referrerCache.delete(`${ref.to}\n${ref.field}`);
  }

  private table(type: ResourceType): TypeTable {
    let table = this.tables.get(type);
    if (!table) {
      table = new TypeTable(this.db, `resources_${ID_PREFIXES[type]}`);
      this.tables.set(type, table);
    }
    return table;
  }

  /** The cached (else stored) columns of a resource. */
  private stored(id: string): StoredRow | undefined {
    const cached = this.rowCache.get(id);
    if (cached) return cached;
    const parsed = parseId(id);
    if (!parsed) return undefined;
    const raw = this.table(parsed.type).statement("byNumber").get(parsed.number) as RawRow | undefined;
    if (!raw) return undefined;
    const stored = { id, type: parsed.type, raw };
    this.cacheRow(stored);
    return stored;
  }

  private cacheRow(stored: StoredRow): void {
    if (this.rowCache.size >= CACHE_LIMIT) this.rowCache.clear();
    this.rowCache.set(stored.id, stored);
  }

  private decodeAll(type: ResourceType, raws: RawRow[]): ResourceRow[] {
    return raws.map((raw) => decode({ id: formatId(type, raw[0]), type, raw, flatProps: null }));
  }
}

/** Entries a cache may hold before it starts over. */
const CACHE_LIMIT = 20_000;
