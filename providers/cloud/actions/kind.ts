import { valueText } from "../../../lib";
import { ResourceType } from "../../../lib";
import { JsonObject, ParamReader } from "../params";
import { Reference, ResourceRow } from "../store";
import { ActionContext, isoTime } from "./types";

/** What a create request becomes once read and checked. */
export interface CreatePlan {
  /** The stored spec: references as cloud IDs, no secrets. */
  readonly props: JsonObject;
  readonly region?: string;
  readonly state?: string;
  readonly peerAccount?: string;
  /** Parent and CIDR range the resource is keyed by (indexed for overlap and duplicate checks). */
  readonly scope?: string;
  readonly range?: { readonly start: number; readonly end: number };
  readonly dueAt?: number;
  readonly secrets?: Readonly<Record<string, string>>;
}

/** What a modify request changes: props to merge, secrets to set (or remove, with undefined). */
export interface ModifyPlan {
  readonly props?: JsonObject;
  readonly secrets?: Readonly<Record<string, string | undefined>>;
}

/** The API names of one type's four operations. */
export interface CrudNames {
  readonly create: string;
  readonly describe: string;
  readonly modify: string;
  readonly delete: string;
}

/** Everything the generic Create/Describe/Modify/Delete actions need to know about one type. */
export interface ResourceKind {
  readonly type: ResourceType;
  readonly names: CrudNames;
  /** Every field of the type's spec (so Modify can tell an immutable field from an unknown one). */
  readonly fields: readonly string[];
  /** Spec fields Modify may change. */
  readonly mutable: readonly string[];
  /** Spec fields that hold another resource's ID, with the types each may name. */
  readonly refFields: Readonly<Record<string, readonly ResourceType[]>>;
  /** The reference field naming the parent; stored as the row's scope, so children are an index seek. */
  readonly scopeField?: string;
  /** Reference fields also written to the reference index, for lookups on hot paths (quotas, uniqueness). */
  readonly indexedRefFields?: readonly string[];
  /** Extra Describe filter keys beyond the spec fields, id, account, region and state. */
  readonly extraFilters?: Readonly<Record<string, (item: JsonObject, values: readonly string[]) => boolean>>;
  /** Types whose referrers are deleted along with this resource; referrers of any other type block the delete. */
  readonly cascades?: readonly ResourceType[];
  /** The account a resource is shared with may delete it too (either side of a peering). */
  readonly peerMayDelete?: boolean;
  /** Reads and checks a create request (throws CloudError to refuse); `id` is the ID the resource will get. */
  plan(params: ParamReader, ctx: ActionContext, id: string): CreatePlan;
  /** Reads and checks the mutable fields of a modify request. */
  modify?(row: ResourceRow, params: ParamReader, ctx: ActionContext): ModifyPlan;
  /** Attributes derived at read time (a connection's negotiation state). */
  attributes?(row: ResourceRow, ctx: ActionContext): JsonObject;
}

/** All kinds, for actions that follow references across types (the registry passes itself in, avoiding an import cycle). */
export interface KindRegistry {
  kindOf(type: ResourceType): ResourceKind;
  readonly kinds: readonly ResourceKind[];
}
/** The references a stored resource holds that go to the reference index. */
export function indexedRefsOf(kind: ResourceKind, props: JsonObject): Reference[] {
  const refs: Reference[] = [];
  for (const field of kind.indexedRefFields ?? []) {
    const to = props[field];
    if (typeof to === "string") refs.push({ field, to });
  }
  return refs;
}
/** The Describe item: spec fields, ID, account, state, creation time and derived attributes; never a secret. */
export function describeItem(kind: ResourceKind, row: ResourceRow, ctx: ActionContext): JsonObject {
  return {
    id: row.id,
    account: row.account,
    ...row.props,
    ...(row.region !== undefined ? { region: row.region } : {}),
    ...(row.state !== undefined ? { state: row.state } : {}),
    createdAt: isoTime(row.createdAt),
    ...(kind.attributes ? kind.attributes(row, ctx) : {}),
  };
}

/** Stores the resource a plan describes and returns its Describe item. */
export function createFromPlan(kind: ResourceKind, id: string, plan: CreatePlan, ctx: ActionContext): JsonObject {
  const scope = kind.scopeField ? (plan.props[kind.scopeField] as string | undefined) : plan.scope;
  const row: ResourceRow = {
    id,
    type: kind.type,
    account: ctx.account,
    props: plan.props,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(plan.peerAccount !== undefined ? { peerAccount: plan.peerAccount } : {}),
    ...(plan.region !== undefined ? { region: plan.region } : {}),
    ...(plan.state !== undefined ? { state: plan.state } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(plan.range ? { rangeStart: plan.range.start, rangeEnd: plan.range.end } : {}),
    ...(plan.dueAt !== undefined ? { dueAt: plan.dueAt } : {}),
    ...(ctx.clientToken !== undefined ? { clientToken: ctx.clientToken, requestDigest: ctx.requestDigest } : {}),
  };
  ctx.store.resources.insert(row, indexedRefsOf(kind, plan.props));
  for (const [name, value] of Object.entries(plan.secrets ?? {})) ctx.store.secrets.put(id, name, value);
  return describeItem(kind, row, ctx);
}
/** True when a field (or any element of an array field) equals one of the values. */
export function matches(field: unknown, values: readonly string[]): boolean {
  if (Array.isArray(field)) return field.some((f) => values.includes(String(f)));
  return field !== undefined && values.includes(valueText(field));
}

/**
 * JSON with sorted keys, for comparing a requested value with a stored one.
 * Written straight to text (keys sorted, undefined members left out, as
 * JSON.stringify of a key-sorted copy would give) without building the copy:
 * every create with a client token digests its parameters through this.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? "undefined";
}

/** The canonical text of a value, or undefined where JSON has none (undefined, a function, a symbol). */
function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i ? "," : "") + (canonical(value[i]) ?? "null");
    return text + "]";
  }
  const object = value as JsonObject;
  let text = "{";
  for (const key of sortedKeys(object)) {
    const member = canonical(object[key]);
    if (member === undefined) continue;
    text += (text.length > 1 ? "," : "") + JSON.stringify(key) + ":" + member;
  }
  return text + "}";
}

/**
 * The keys in the order a key-sorted copy enumerates them: an object lists
 * integer-like keys first, ascending by value, whatever order they were added
 * in; the other keys follow in sorted order.
 */
function sortedKeys(object: JsonObject): string[] {
  const keys = Object.keys(object);
  // Own keys already list integer-like ones first, ascending: only the rest need sorting.
  let first = 0;
  while (first < keys.length && isIndexKey(keys[first])) first++;
  if (first === 0) return keys.sort();
  return [...keys.slice(0, first), ...keys.slice(first).sort()];
}

function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  const n = Number(key);
  return n < 4294967295 && String(n >>> 0) === key;
}
