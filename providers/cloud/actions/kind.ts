import { ResourceType } from "../../../lib/core/manifest";
import { CloudError } from "../errors";
import { JsonObject, ParamReader, show } from "../params";
import { Reference, ResourceRow } from "../store";
import { canSee, findOwned, findVisible, NOUNS } from "./lookup";
import { ActionContext, ActionDefinition, isoTime } from "./types";

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

/** A resource that names another in one of its reference fields. */
export interface ReferringResource {
  readonly row: ResourceRow;
  readonly field: string;
}

/**
 * Every resource that references `target`, each found the cheapest way: a
 * parent reference through the scope index, an indexed reference through the
 * reference index, any other by reading that type's resources in the accounts
 * that can name the target (its owner and the account it is shared with).
 */
export function findReferrers(target: ResourceRow, ctx: ActionContext, registry: KindRegistry): ReferringResource[] {
  const found: ReferringResource[] = [];
  const accounts = [target.account, ...(target.peerAccount ? [target.peerAccount] : [])];
  for (const kind of registry.kinds) {
    for (const [field, targets] of Object.entries(kind.refFields)) {
      if (!targets.includes(target.type)) continue;
      let rows: ResourceRow[];
      if (kind.scopeField === field) rows = ctx.store.resources.children(target.id, kind.type);
      else if (kind.indexedRefFields?.includes(field)) {
        rows = ctx.store.resources.referrers(target.id, field).map((r) => ctx.store.resources.tryGet(r.fromId)!);
      } else {
        rows = accounts.flatMap((a) => ctx.store.resources.ownedBy(a, kind.type)).filter((r) => r.props[field] === target.id);
      }
      for (const row of rows) found.push({ row, field });
    }
  }
  return found;
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

/**
 * Deletes a resource: refuses while resources of non-cascading types still
 * point at it (naming them), deletes the cascading ones (routes through a
 * deleted peering), then the resource, its secrets and its fault history.
 */
export function deleteResource(kind: ResourceKind, row: ResourceRow, ctx: ActionContext, registry: KindRegistry): void {
  const referrers = findReferrers(row, ctx, registry);
  const blocking = referrers.filter((r) => !(kind.cascades ?? []).includes(r.row.type));
  if (blocking.length) {
    const named = blocking.slice(0, 5).map((r) => `${NOUNS[r.row.type]} '${r.row.id}' (${r.field})`);
    const more = blocking.length > 5 ? ` and ${blocking.length - 5} more` : "";
    throw new CloudError(
      "ResourceInUse",
      `${ctx.action}: ${NOUNS[kind.type]} '${row.id}' is still used by ${named.join(", ")}${more}. Delete or change those first.`,
    );
  }
  for (const r of referrers) {
    const dependent = ctx.store.resources.tryGet(r.row.id);
    if (dependent) deleteResource(registry.kindOf(dependent.type), dependent, ctx, registry);
  }
  ctx.store.resources.remove(row, indexedRefsOf(kind, row.props));
  ctx.store.secrets.removeAll(row.id);
  ctx.store.faults.forget(row.id);
}

/** The four generic actions of a kind. */
export function crudActions(kind: ResourceKind, registry: KindRegistry): ActionDefinition[] {
  return [createAction(kind), describeAction(kind), modifyAction(kind), deleteAction(kind, registry)];
}

function createAction(kind: ResourceKind): ActionDefinition {
  return {
    name: kind.names.create,
    writes: true,
    creates: kind.type,
    replay: (row, ctx) => describeItem(kind, row, ctx),
    run(params, ctx) {
      const id = ctx.store.resources.nextId(kind.type);
      const plan = kind.plan(params, ctx, id);
      params.done();
      return createFromPlan(kind, id, plan, ctx);
    },
  };
}

function describeAction(kind: ResourceKind): ActionDefinition {
  return {
    name: kind.names.describe,
    writes: false,
    run(params, ctx) {
      const ids = params.optionalStringArray("ids");
      const filters = readFilters(kind, params);
      params.done();
      const rows = ids
        ? ids.map((id) => findVisible(ctx, id, kind.type))
        : [...ctx.store.resources.ownedBy(ctx.account, kind.type), ...ctx.store.resources.sharedWith(ctx.account, kind.type)];
      const items = rows
        .filter((row) => canSee(row, ctx.account))
        .map((row) => describeItem(kind, row, ctx))
        .filter((item) => filters.every((f) => f(item)));
      items.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
      return { items, totalCount: items.length };
    },
  };
}

function modifyAction(kind: ResourceKind): ActionDefinition {
  return {
    name: kind.names.modify,
    writes: true,
    run(params, ctx) {
      const row = findOwned(ctx, params.string("id"), kind.type);
      const changedImmutable: string[] = [];
      for (const key of params.keys()) {
        if (key === "id" || kind.mutable.includes(key) || !kind.fields.includes(key)) continue;
        if (canonicalJson(params.value(key)) !== canonicalJson(row.props[key])) changedImmutable.push(key);
      }
      if (changedImmutable.length) {
        throw new CloudError(
          "UnsupportedOperation.ReplacementRequired",
          `${ctx.action}: ${changedImmutable.map((k) => `'${k}'`).join(", ")} of ${NOUNS[kind.type]} '${row.id}' cannot be ` +
            `changed in place. Replace the resource (delete it and create a new one). Mutable: ${kind.mutable.join(", ") || "none"}.`,
        );
      }
      const plan = kind.modify ? kind.modify(row, params, ctx) : {};
      params.done();
      const updated: ResourceRow = { ...row, props: { ...row.props, ...plan.props }, updatedAt: ctx.now };
      ctx.store.resources.update(updated);
      ctx.store.resources.replaceRefs(row.id, row.type, indexedRefsOf(kind, row.props), indexedRefsOf(kind, updated.props));
      for (const [name, value] of Object.entries(plan.secrets ?? {})) {
        if (value === undefined) ctx.store.secrets.remove(row.id, name);
        else ctx.store.secrets.put(row.id, name, value);
      }
      return describeItem(kind, updated, ctx);
    },
  };
}

function deleteAction(kind: ResourceKind, registry: KindRegistry): ActionDefinition {
  return {
    name: kind.names.delete,
    writes: true,
    run(params, ctx) {
      const id = params.string("id");
      params.done();
      const row = kind.peerMayDelete ? findVisible(ctx, id, kind.type) : findOwned(ctx, id, kind.type);
      deleteResource(kind, row, ctx, registry);
      return { id, deleted: true };
    },
  };
}

type ItemFilter = (item: JsonObject) => boolean;

function readFilters(kind: ResourceKind, params: ParamReader): ItemFilter[] {
  const reader = params.optionalObject("filters");
  if (!reader) return [];
  const standard = new Set(["id", "account", "region", "state", ...kind.fields]);
  const filters: ItemFilter[] = [];
  for (const key of reader.keys()) {
    const raw = reader.value(key);
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
        throw reader.error("InvalidParameterValue.Filter", key, `must be a string, number or boolean (or an array of them), received ${show(v)}.`);
      }
      return String(v);
    });
    const custom = kind.extraFilters?.[key];
    if (custom) filters.push((item) => custom(item, values));
    else if (standard.has(key)) filters.push((item) => matches(item[key], values));
    else {
      const allowed = [...standard, ...Object.keys(kind.extraFilters ?? {})].sort();
      throw reader.error("InvalidParameterValue.Filter", key, `is not a filter of ${kind.names.describe}. Filters: ${allowed.join(", ")}.`);
    }
  }
  reader.done();
  return filters;
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
