import { ResourceType } from "../../../lib/core/manifest";
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
  return field !== undefined && values.includes(String(field));
}

/** JSON with sorted keys, for comparing a requested value with a stored one. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as JsonObject)
        .sort()
        .filter((k) => (value as JsonObject)[k] !== undefined)
        .map((k) => [k, sortKeys((value as JsonObject)[k])]),
    );
  }
  return value;
}
