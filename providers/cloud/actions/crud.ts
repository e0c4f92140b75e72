import { CloudError } from "../errors";
import { JsonObject, ParamReader, show } from "../params";
import { ResourceRow } from "../store";
import { canonicalJson, createFromPlan, describeItem, indexedRefsOf, KindRegistry, matches, ResourceKind } from "./kind";
import { canSee, findOwned, findVisible, NOUNS } from "./lookup";
import { deleteResource } from "./references";
import { ActionDefinition } from "./types";

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
