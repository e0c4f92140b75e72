import { CloudError } from "../errors";
import { ResourceRow } from "../store";
import { indexedRefsOf, KindRegistry, ResourceKind } from "./kind";
import { NOUNS } from "./lookup";
import { ActionContext } from "./types";

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
/**
 * Deletes a resource: refuses while resources of non-cascading types still
 * point at it (naming them), deletes the cascading ones (routes through a
 * deleted peering), then the resource, its secrets, its fault history and
 * (a peering) its traffic samples.
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
  if (row.type === "PeeringConnection") ctx.store.traffic.forget(row.id);
}
