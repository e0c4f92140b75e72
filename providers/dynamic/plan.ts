import { isRef, Manifest, ManifestResource, ResourceType, SecretSource } from "../../lib";
import { diff } from "./diff";
import { SecretDigestKey } from "./secrets";
import { FeatureLookup, preflightFeatures } from "./feature-preflight";
import { preflightKeys } from "./key-preflight";
import { FIELD_TABLES } from "./fields";
import { dependencyOrder, resourceInputs } from "./inputs";
import { getPath, JsonObject, UNKNOWN, withPath } from "./values";

/** One resource as a previous deployment left it. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: ResourceType;
  /** The cloud ID. */
  readonly id: string;
  /** The inputs it was last applied with (references resolved; secrets as digests, see `digestSecrets`, or left out). */
  readonly inputs: JsonObject;
  /**
   * Attributes the cloud returned (`publicIp`, `state`…), for references from other resources.
   *
   * @default - none
   */
  readonly outputs?: JsonObject;
  /** Logical IDs it depended on when applied (it is deleted before them). */
  readonly dependsOn: readonly string[];
}

/** What a previous deployment left: its resources. */
export interface PriorState {
  readonly resources: readonly DeployedResource[];
}

export interface PlanOptions {
  /**
   * The value of a secret, to tell a rotated pre-shared key from an unchanged one.
   *
   * @default - secrets are not compared (a key change alone plans nothing)
   */
  readonly resolveSecret?: (source: SecretSource) => string | undefined;
  /**
   * Accept cross-account peerings as the accepter account once created.
   *
   * @default false
   */
  readonly acceptPeerings?: boolean;
  /**
   * The key recorded digests of secrets were made under (`CloudEngine.secretDigestKey`).
   *
   * @default - keyed digests never match: a recorded key plans an update
   */
  readonly digestKey?: SecretDigestKey;
  /**
   * Whether an account has been granted a feature (a ticket): resources to
   * create that need one it lacks stop the plan before anything is created.
   *
   * @default - not checked (the cloud answers at create time)
   */
  readonly hasFeature?: FeatureLookup;
}

export type PlanAction = "create" | "update" | "replace" | "delete" | "same";

/** What happens to one resource. */
export interface PlanStep {
  readonly action: PlanAction;
  readonly logicalId: string;
  readonly type: ResourceType;
  /** The existing cloud ID (update, replace, delete, same). */
  readonly id?: string;
  /** Inputs that change (update, replace). */
  readonly changed: readonly string[];
  /** Inputs that force the replacement (replace). */
  readonly replaces: readonly string[];
  /** Why, in words: which inputs, or which replaced resource it references. */
  readonly reason: string;
  /** A cross-account peering this deployment does not accept: the account that must. */
  readonly pendingAcceptanceBy?: string;
}

/** One call to make, in order: a replacement is a delete (with the other deletes, dependents first) and a create. */
export interface PlanOperation {
  readonly operation: "create" | "update" | "delete";
  readonly logicalId: string;
  readonly type: ResourceType;
  /** The cloud ID to update or delete. */
  readonly id?: string;
}

/** What a deployment will do. */
export interface DeploymentPlan {
  /** One step per resource: the app's in dependency order, then those to delete. */
  readonly steps: readonly PlanStep[];
  /** The calls to make, in order: every delete first (dependents before what they depend on), then creates and updates in dependency order. */
  readonly operations: readonly PlanOperation[];
  /** How many resources each action touches. */
  readonly counts: Readonly<Record<PlanAction, number>>;
}

/**
 * The plan from a prior deployment to `manifest`, with the same `diff` that
 * Pulumi's providers use: create what is new, update or replace what
 * changed (naming the inputs), delete what is gone. A resource that
 * references a replaced one is replaced too: the old one is deleted first
 * (delete-before-replace), so nothing may still point at it. With
 * `resolveSecret`, a pre-shared key the cloud would refuse stops the plan.
 */
export function planDeployment(manifest: Manifest, prior: PriorState = { resources: [] }, options: PlanOptions = {}): DeploymentPlan {
  // A key the cloud would refuse stops the plan, so up fails before its first create, not half-way.
  if (options.resolveSecret) preflightKeys(manifest, options.resolveSecret);
  const priorById = new Map(prior.resources.map((r) => [r.logicalId, r]));
  const actions = new Map<string, PlanAction>();
  const steps: PlanStep[] = [];

  for (const resource of dependencyOrder(manifest.resources)) {
    const step = planResource(resource, priorById.get(resource.logicalId), priorById, actions, options);
    actions.set(resource.logicalId, step.action);
    steps.push(step);
  }
  // A create the cloud would refuse for want of a ticket stops the plan too (synth only warns: tickets are the account's).
  if (options.hasFeature) {
    preflightFeatures(manifest, new Set(steps.filter((st) => st.action === "create" || st.action === "replace").map((st) => st.logicalId)), options.hasFeature);
  }
  const wanted = new Set(manifest.resources.map((r) => r.logicalId));
  const removed = prior.resources.filter((r) => !wanted.has(r.logicalId));
  for (const r of removed) {
    steps.push({ action: "delete", logicalId: r.logicalId, type: r.type, id: r.id, changed: [], replaces: [], reason: "no longer in the app" });
  }

  const counts: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
  for (const s of steps) counts[s.action]++;
  return { steps, operations: operationsOf(steps, prior), counts };
}

function planResource(
  resource: ManifestResource,
  before: DeployedResource | undefined,
  priorById: ReadonlyMap<string, DeployedResource>,
  actions: ReadonlyMap<string, PlanAction>,
  options: PlanOptions,
): PlanStep {
  const base = { logicalId: resource.logicalId, type: resource.type };
  const pending = pendingAcceptance(resource, options);
  if (!before) return { ...base, action: "create", changed: [], replaces: [], reason: "not deployed yet", ...pending };
  if (before.type !== resource.type) {
    return { ...base, action: "replace", id: before.id, changed: ["type"], replaces: ["type"], reason: `was a ${before.type}`, ...pending };
  }
  const news = resourceInputs<unknown>(
    resource,
    {
      ref: (ref) => {
        const fate = actions.get(ref.ref);
        const target = priorById.get(ref.ref);
        if (fate === "create" || fate === "replace" || !target) return UNKNOWN;
        return ref.attr === "id" ? target.id : (target.outputs?.[ref.attr] ?? UNKNOWN);
      },
      secret: () => UNKNOWN,
    },
    options,
  );
  // Secrets: the resolved value when the caller gives one, else whatever was recorded (not compared).
  let current: JsonObject = news;
  for (const path of FIELD_TABLES[resource.type].secrets) {
    const source = getPath(resource.props as unknown as JsonObject, `${path}.secret`) as SecretSource | undefined;
    const value = source ? options.resolveSecret?.(source) : undefined;
    current = withPath(current, path, value ?? getPath(before.inputs, path));
  }
  const changes = diff(resource.type, before.inputs, current, options.digestKey);
  const replacedTargets = new Map<string, string>();
  for (const field of FIELD_TABLES[resource.type].refs) {
    const target = (resource.props as unknown as JsonObject)[field];
    if (isRef(target) && actions.get(target.ref) === "replace") replacedTargets.set(field, target.ref);
  }
  const replaces = [...new Set([...changes.replaces, ...replacedTargets.keys()])];
  const changed = [...new Set([...changes.replaces, ...changes.updates])];
  if (replaces.length > 0) {
    const reasons = replaces.map((f) =>
      replacedTargets.has(f) ? `${f} references '${replacedTargets.get(f)}', which is replaced` : `${f} cannot change in place`,
    );
    return { ...base, action: "replace", id: before.id, changed, replaces, reason: reasons.join("; "), ...pending };
  }
  if (changed.length > 0) return { ...base, action: "update", id: before.id, changed, replaces: [], reason: `${changed.join(", ")} change in place` };
  return { ...base, action: "same", id: before.id, changed: [], replaces: [], reason: "no change" };
}

function pendingAcceptance(resource: ManifestResource, options: PlanOptions): { pendingAcceptanceBy?: string } {
  if (resource.type !== "PeeringConnection" || options.acceptPeerings) return {};
  const accepter = (resource.props as { accepterAccount?: string }).accepterAccount;
  return accepter && accepter !== resource.account ? { pendingAcceptanceBy: accepter } : {};
}

function operationsOf(steps: readonly PlanStep[], prior: PriorState): PlanOperation[] {
  const leaving = new Set(steps.filter((s) => s.action === "delete" || s.action === "replace").map((s) => s.logicalId));
  const priorOrder = dependencyOrder(
    prior.resources.map((r) => ({ logicalId: r.logicalId, path: r.logicalId, type: r.type, account: "", props: {} as never, dependsOn: r.dependsOn })),
  );
  const stepById = new Map(steps.map((s) => [s.logicalId, s]));
  const deletes: PlanOperation[] = priorOrder
    .filter((r) => leaving.has(r.logicalId))
    .reverse()
    .map((r) => ({ operation: "delete", logicalId: r.logicalId, type: r.type, id: stepById.get(r.logicalId)!.id }));
  const applies: PlanOperation[] = [];
  for (const s of steps) {
    if (s.action === "create" || s.action === "replace") applies.push({ operation: "create", logicalId: s.logicalId, type: s.type });
    if (s.action === "update") applies.push({ operation: "update", logicalId: s.logicalId, type: s.type, id: s.id });
  }
  return [...deletes, ...applies];
}
