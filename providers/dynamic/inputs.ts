import { isRef, isSecretRef, ManifestResource, Ref, SecretRef } from "../../lib";

/** The owning account: a resource cannot move between accounts, so it is immutable. */
export const ACCOUNT_INPUT = "account";

/**
 * PeeringConnection only: accept a cross-account request as the accepter
 * account right after creating it (the deploying program holds both
 * accounts). A provider setting, not a cloud field; turning it on later
 * accepts a pending request in place.
 */
export const ACCEPT_INPUT = "accept";

/** How a deployment tool turns a manifest's references and secret references into values of its own kind. */
export interface InputResolver<V> {
  /** The value of another resource's attribute (a cloud ID, an Output, or UNKNOWN). */
  ref(ref: Ref): V;
  /** The value of a secret (a string, a secret Output). */
  secret(ref: SecretRef): V;
}

export interface InputOptions {
  /**
   * Accept cross-account peerings as the accepter account once created (the
   * deploying program holds both accounts' credentials).
   *
   * @default false
   */
  readonly acceptPeerings?: boolean;
}

/**
 * A manifest resource's provider inputs: its props with every reference and
 * secret reference resolved (at any depth), plus its account, plus `accept`
 * for a cross-account peering the deployment accepts.
 */
export function resourceInputs<V>(resource: ManifestResource, resolver: InputResolver<V>, options: InputOptions = {}): Record<string, unknown> {
  const inputs = resolveValue(resource.props, resolver) as Record<string, unknown>;
  inputs[ACCOUNT_INPUT] = resource.account;
  if (options.acceptPeerings && resource.type === "PeeringConnection" && inputs.accepterAccount !== resource.account) {
    // Only ever `true` or absent: an explicit `false` would read as a change against older state without it.
    inputs[ACCEPT_INPUT] = true;
  }
  return inputs;
}

function resolveValue<V>(value: unknown, resolver: InputResolver<V>): unknown {
  if (isRef(value)) return resolver.ref(value);
  if (isSecretRef(value)) return resolver.secret(value);
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, resolver));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, resolver);
    return out;
  }
  return value;
}

/** The manifest resources in an order where every resource comes after those it depends on (stable: manifest order otherwise). */
export function dependencyOrder(resources: readonly ManifestResource[]): ManifestResource[] {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const state = new Map<string, "visiting" | "done">();
  const ordered: ManifestResource[] = [];
  const visit = (resource: ManifestResource, trail: string[]): void => {
    const seen = state.get(resource.logicalId);
    if (seen === "done") return;
    if (seen === "visiting") {
      throw new Error(`Resources depend on each other in a cycle: ${[...trail, resource.logicalId].join(" → ")}. Remove one of the dependencies.`);
    }
    state.set(resource.logicalId, "visiting");
    for (const dep of resource.dependsOn) {
      const target = byId.get(dep);
      if (target) visit(target, [...trail, resource.logicalId]);
    }
    state.set(resource.logicalId, "done");
    ordered.push(resource);
  };
  for (const r of resources) visit(r, []);
  return ordered;
}
