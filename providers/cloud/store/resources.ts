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

interface RawRow {
  id: string;
  type: string;
  account: string;
  peer_account: string | null;
  region: string | null;
  state: string | null;
  scope: string | null;
  range_start: number | null;
  range_end: number | null;
  due_at: number | null;
  props: string;
  created_at: number;
  updated_at: number;
}

/** The `resources` and `refs` tables, through prepared statements (one set per connection). */
export class ResourceTable {
  private readonly nextCounter: Statement;
  private readonly insertRow: Statement;
  private readonly insertRef: Statement;
  private readonly deleteRow: Statement;
  private readonly deleteRef: Statement;
  private readonly selectById: Statement;
  private readonly selectByAccount: Statement;
  private readonly selectByPeerAccount: Statement;
  private readonly selectByType: Statement;
  private readonly selectAll: Statement;
  private readonly selectFloor: Statement;
  private readonly selectExact: Statement;
  private readonly selectInScope: Statement;
  private readonly selectReferrers: Statement;
  private readonly selectReferrersByField: Statement;
  private readonly selectDue: Statement;
  private readonly updateRow: Statement;

  constructor(db: Db) {
    this.nextCounter = db.prepare(
      "INSERT INTO counters (prefix, value) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE SET value = value + 1 RETURNING value",
    );
    this.insertRow = db.prepare(
      `INSERT INTO resources (id, type, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at)
       VALUES (@id, @type, @account, @peer_account, @region, @state, @scope, @range_start, @range_end, @due_at, @props, @created_at, @updated_at)`,
    );
    this.insertRef = db.prepare("INSERT OR IGNORE INTO refs (to_id, field, from_id, from_type) VALUES (?, ?, ?, ?)");
    this.deleteRow = db.prepare("DELETE FROM resources WHERE id = ?");
    this.deleteRef = db.prepare("DELETE FROM refs WHERE to_id = ? AND field = ? AND from_id = ?");
    this.selectById = db.prepare("SELECT * FROM resources WHERE id = ?");
    this.selectByAccount = db.prepare("SELECT * FROM resources WHERE account = ? AND type = ? ORDER BY id");
    this.selectByPeerAccount = db.prepare("SELECT * FROM resources WHERE peer_account = ? AND type = ? ORDER BY id");
    this.selectByType = db.prepare("SELECT * FROM resources WHERE type = ? ORDER BY id");
    this.selectAll = db.prepare("SELECT * FROM resources ORDER BY id");
    this.selectFloor = db.prepare(
      "SELECT * FROM resources WHERE type = ? AND scope = ? AND range_start <= ? ORDER BY range_start DESC LIMIT 1",
    );
    this.selectExact = db.prepare(
      "SELECT * FROM resources WHERE type = ? AND scope = ? AND range_start = ? AND range_end = ? ORDER BY id",
    );
    this.selectInScope = db.prepare("SELECT * FROM resources WHERE type = ? AND scope = ? ORDER BY range_start, id");
    this.selectReferrers = db.prepare("SELECT from_id, from_type, field FROM refs WHERE to_id = ? ORDER BY from_id");
    this.selectReferrersByField = db.prepare(
      "SELECT from_id, from_type, field FROM refs WHERE to_id = ? AND field = ? ORDER BY from_id",
    );
    this.selectDue = db.prepare("SELECT * FROM resources WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id");
    this.updateRow = db.prepare(
      "UPDATE resources SET props = @props, state = @state, due_at = @due_at, updated_at = @updated_at WHERE id = @id",
    );
  }

  /** The next cloud ID of a type, from the store's counter (call inside a write transaction). */
  public nextId(type: ResourceType): string {
    return formatId(type, this.next(ID_PREFIXES[type]));
  }

  /** The next value (from 1) of a named per-store counter. */
  public next(counter: string): number {
    return (this.nextCounter.get(counter) as { value: number }).value;
  }

  /** Stores a new resource and the references it holds. */
  public insert(row: ResourceRow, refs: readonly Reference[]): void {
    this.insertRow.run({
      id: row.id,
      type: row.type,
      account: row.account,
      peer_account: row.peerAccount ?? null,
      region: row.region ?? null,
      state: row.state ?? null,
      scope: row.scope ?? null,
      range_start: row.rangeStart ?? null,
      range_end: row.rangeEnd ?? null,
      due_at: row.dueAt ?? null,
      props: JSON.stringify(row.props),
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    });
    for (const ref of refs) this.insertRef.run(ref.to, ref.field, row.id, row.type);
  }

  /** Writes the mutable columns of a resource. */
  public update(row: ResourceRow): void {
    this.updateRow.run({
      id: row.id,
      props: JSON.stringify(row.props),
      state: row.state ?? null,
      due_at: row.dueAt ?? null,
      updated_at: row.updatedAt,
    });
  }

  /** Swaps the references a resource holds (a modify changed a reference field). */
  public replaceRefs(id: string, type: ResourceType, before: readonly Reference[], after: readonly Reference[]): void {
    for (const ref of before) this.deleteRef.run(ref.to, ref.field, id);
    for (const ref of after) this.insertRef.run(ref.to, ref.field, id, type);
  }

  /** Removes a resource and the references it holds. */
  public remove(id: string, refs: readonly Reference[]): void {
    for (const ref of refs) this.deleteRef.run(ref.to, ref.field, id);
    this.deleteRow.run(id);
  }

  public tryGet(id: string): ResourceRow | undefined {
    const raw = this.selectById.get(id) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /** Resources of a type owned by an account, by ID. */
  public ownedBy(account: string, type: ResourceType): ResourceRow[] {
    return (this.selectByAccount.all(account, type) as RawRow[]).map(toRow);
  }

  /** Resources of a type another account may see as their peer (peerings they accept). */
  public sharedWith(account: string, type: ResourceType): ResourceRow[] {
    return (this.selectByPeerAccount.all(account, type) as RawRow[]).map(toRow);
  }

  /** Every resource of a type, in every account (the data plane's view). */
  public ofType(type: ResourceType): ResourceRow[] {
    return (this.selectByType.all(type) as RawRow[]).map(toRow);
  }

  public all(): ResourceRow[] {
    return (this.selectAll.all() as RawRow[]).map(toRow);
  }

  /** The resource of a type in a scope whose range starts at or below `at`, nearest first (an indexed seek). */
  public floor(type: ResourceType, scope: string, at: number): ResourceRow | undefined {
    const raw = this.selectFloor.get(type, scope, at) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /** The resources of a type in a scope with exactly this range. */
  public exact(type: ResourceType, scope: string, start: number, end: number): ResourceRow[] {
    return (this.selectExact.all(type, scope, start, end) as RawRow[]).map(toRow);
  }

  /** Every resource of a type in a scope, by range. */
  public inScope(type: ResourceType, scope: string): ResourceRow[] {
    return (this.selectInScope.all(type, scope) as RawRow[]).map(toRow);
  }

  /** The resources that reference `id` (through `field` only, when given). */
  public referrers(id: string, field?: string): Referrer[] {
    const rows = (field ? this.selectReferrersByField.all(id, field) : this.selectReferrers.all(id)) as Array<{
      from_id: string;
      from_type: string;
      field: string;
    }>;
    return rows.map((r) => ({ fromId: r.from_id, fromType: r.from_type as ResourceType, field: r.field }));
  }

  /** Resources with a timed transition due at or before `now`, earliest first. */
  public dueBy(now: number): ResourceRow[] {
    return (this.selectDue.all(now) as RawRow[]).map(toRow);
  }
}

function toRow(raw: RawRow): ResourceRow {
  return {
    id: raw.id,
    type: raw.type as ResourceType,
    account: raw.account,
    ...(raw.peer_account !== null ? { peerAccount: raw.peer_account } : {}),
    ...(raw.region !== null ? { region: raw.region } : {}),
    ...(raw.state !== null ? { state: raw.state } : {}),
    ...(raw.scope !== null ? { scope: raw.scope } : {}),
    ...(raw.range_start !== null ? { rangeStart: raw.range_start } : {}),
    ...(raw.range_end !== null ? { rangeEnd: raw.range_end } : {}),
    ...(raw.due_at !== null ? { dueAt: raw.due_at } : {}),
    props: JSON.parse(raw.props) as Record<string, unknown>,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
