import { ResourceType } from "../../../lib";
import { parseId } from "../ids";

/**
 * A stored resource as the engine reads it, and as its type's table stores
 * it: the row's shape, its columns, and the decoding of one into the other.
 */

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

/**
 * The columns of a type's table (`resources_<prefix>`, migration 4), in the
 * order `decode` reads them: rows come back as arrays, much cheaper than objects.
 */
export const COLUMNS =
  "n, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at, client_token, request_digest";

export type RawRow = [
  n: number,
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
];

/** A row as the cache keeps it: every column, props as stored text (each reader gets its own copy). */
export interface StoredRow {
  readonly id: string;
  readonly type: ResourceType;
  readonly raw: RawRow;
  /**
   * Props parsed once, when they hold no object or array: a shallow copy is
   * then a whole copy, much cheaper than parsing again. Null when each reader
   * parses its own (props with objects or arrays, rows read once by a listing);
   * undefined until first read.
   */
  flatProps?: Readonly<Record<string, unknown>> | null;
}

/** The number of a stored row's ID, which is its key in its type's table. */
export function numberOf(row: ResourceRow): number {
  const parsed = parseId(row.id);
  if (!parsed || parsed.type !== row.type) throw new Error(`'${row.id}' is not an ID of a ${row.type}`);
  return parsed.number;
}

/** A fresh row from its stored columns, with props of its own (callers never share a cached object). */
export function decode(stored: StoredRow): ResourceRow {
  const [, account, peerAccount, region, state, scope, rangeStart, rangeEnd, dueAt, props, createdAt, updatedAt, clientToken, requestDigest] =
    stored.raw;
  const row: { -readonly [K in keyof ResourceRow]: ResourceRow[K] } = {
    id: stored.id,
    type: stored.type,
    account,
    props: propsOf(stored, props),
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

/** A copy of a row's props of the caller's own. */
function propsOf(stored: StoredRow, text: string): Record<string, unknown> {
  if (stored.flatProps) return { ...stored.flatProps };
  const props = JSON.parse(text) as Record<string, unknown>;
  if (stored.flatProps === undefined) {
    let flat = true;
    for (const key in props) {
      const value = props[key];
      if (typeof value === "object" && value !== null) flat = false;
    }
    stored.flatProps = flat ? Object.freeze({ ...props }) : null;
  }
  return props;
}
