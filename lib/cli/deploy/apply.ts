import { randomBytes } from "crypto";
import { Manifest, ManifestResource } from "../../core/manifest";
import { NOUNS } from "../../../providers/cloud";
import { clientFor, create, deleteResource, digestSecrets, resourceInputs, update } from "../../../providers/dynamic";
import type { JsonObject, PlanOperation, ProviderSettings } from "../../../providers/dynamic";
import { HybridlinkError } from "../../core/errors";
import { WAITS_ON_CLOCK } from "../../../providers/dynamic";
import { StackResource, StackStore } from "../stack/stack-store";
import { SecretResolver } from "./secrets";

/** Everything one `up` or `destroy` works with. */
export interface DeployContext {
  readonly stack: string;
  readonly manifest: Manifest;
  readonly store: StackStore;
  /** How the shared provider CRUD reaches the engine (the store file and the app's profile). */
  readonly settings: ProviderSettings;
  readonly secrets: SecretResolver;
  /** Accept cross-account peerings as the accepter account (the deployer holds both accounts). */
  readonly acceptPeerings: boolean;
  /**
   * Records commit in one transaction with the requests they record
   * (`engine.beginBatch`): a create then needs no CREATING record first, as
   * a crash can leave neither the resource nor its record behind.
   *
   * @default false
   */
  readonly atomicRecords?: boolean;
}

/** What one call did. */
export interface OperationOutcome {
  readonly operation: PlanOperation["operation"];
  readonly logicalId: string;
  readonly type: string;
  readonly cloudId?: string;
  /** Simulated seconds the engine clock advanced while waiting (a gateway provisioning). */
  readonly waitedSeconds: number;
  /** The resource's state afterwards, where it has one (AVAILABLE, PENDING, ACTIVE). */
  readonly state?: string;
}

/**
 * Carries out one operation of the plan through the shared provider CRUD and
 * records it in the stack at once, so an interruption loses nothing:
 * a create is recorded CREATING with its client token before the request and
 * READY with its cloud ID after (a resumed run retries with the same token:
 * the engine answers with the resource it already made); a delete is recorded
 * DELETING first and forgotten once the cloud confirms.
 */
export function executeOperation(ctx: DeployContext, op: PlanOperation, records: Map<string, StackResource>): OperationOutcome {
  switch (op.operation) {
    case "delete":
      return deleteOne(ctx, records.get(op.logicalId)!, records);
    case "create":
      return createOne(ctx, resourceOf(ctx.manifest, op.logicalId), records);
    case "update":
      return updateOne(ctx, resourceOf(ctx.manifest, op.logicalId), records);
  }
}

/** Finishes a delete an interrupted run started (already gone counts as done). */
export function deleteOne(ctx: DeployContext, record: StackResource, records: Map<string, StackResource>): OperationOutcome {
  const deleting: StackResource = { ...record, status: "DELETING" };
  ctx.store.putResource(ctx.stack, deleting);
  records.set(record.logicalId, deleting);
  if (record.cloudId) deleteResource(record.type, record.cloudId, record.inputs, ctx.settings);
  ctx.store.removeResource(ctx.stack, record.logicalId);
  records.delete(record.logicalId);
  return { operation: "delete", logicalId: record.logicalId, type: record.type, ...(record.cloudId ? { cloudId: record.cloudId } : {}), waitedSeconds: 0 };
}

function createOne(ctx: DeployContext, resource: ManifestResource, records: Map<string, StackResource>): OperationOutcome {
  const inputs = inputsOf(ctx, resource, records);
  const earlier = records.get(resource.logicalId);
  // A create an interrupted run started keeps its token; the engine returns what it made then.
  const clientToken = earlier?.status === "CREATING" ? earlier.clientToken : tokenFor();
  const pending: StackResource = {
    logicalId: resource.logicalId,
    path: resource.path,
    type: resource.type,
    account: resource.account,
    inputs: digestSecrets(resource.type, inputs, clientFor(ctx.settings).secretDigestKey()),
    outputs: {},
    status: "CREATING",
    dependsOn: resource.dependsOn,
    clientToken,
  };
  if (!ctx.atomicRecords) {
    ctx.store.putResource(ctx.stack, pending);
    records.set(resource.logicalId, pending);
  }
  const waits = WAITS_ON_CLOCK.has(resource.type);
  const before = waits ? clockOf(ctx, resource.account) : 0;
  let created;
  try {
    created = create(resource.type, inputs, ctx.settings, { clientToken });
  } catch (err) {
    // The CRUD is all or nothing: a refused or rolled-back create left nothing to record.
    if (!ctx.atomicRecords) {
      ctx.store.removeResource(ctx.stack, resource.logicalId);
      records.delete(resource.logicalId);
    }
    throw err;
  }
  const ready: StackResource = { ...pending, cloudId: created.id, outputs: created.item, status: "READY" };
  ctx.store.putResource(ctx.stack, ready);
  records.set(resource.logicalId, ready);
  return outcome("create", resource, created.id, created.item, waits ? clockOf(ctx, resource.account) - before : 0);
}

function updateOne(ctx: DeployContext, resource: ManifestResource, records: Map<string, StackResource>): OperationOutcome {
  const record = records.get(resource.logicalId)!;
  const inputs = inputsOf(ctx, resource, records);
  const waits = WAITS_ON_CLOCK.has(resource.type);
  const before = waits ? clockOf(ctx, resource.account) : 0;
  const updated = update(resource.type, record.cloudId!, record.inputs, inputs, ctx.settings);
  const ready: StackResource = { ...record, path: resource.path, inputs: digestSecrets(resource.type, inputs, clientFor(ctx.settings).secretDigestKey()), outputs: updated.item, dependsOn: resource.dependsOn };
  ctx.store.putResource(ctx.stack, ready);
  records.set(resource.logicalId, ready);
  return outcome("update", resource, updated.id, updated.item, waits ? clockOf(ctx, resource.account) - before : 0);
}

/** The provider inputs of a resource: references from what is deployed now, keys from their sources. */
function inputsOf(ctx: DeployContext, resource: ManifestResource, records: ReadonlyMap<string, StackResource>): JsonObject {
  return resourceInputs<unknown>(
    resource,
    {
      ref: (ref) => {
        const target = records.get(ref.ref);
        const value = target?.status === "READY" ? (ref.attr === "id" ? target.cloudId : target.outputs[ref.attr]) : undefined;
        if (value === undefined) {
          throw new HybridlinkError(
            "UnresolvedReference",
            `${resource.path}: needs ${ref.attr} of '${ref.ref}', which is not deployed. The plan creates it first; run up again.`,
          );
        }
        return value;
      },
      secret: (ref) => ctx.secrets.value(ref.secret),
    },
    { acceptPeerings: ctx.acceptPeerings },
  );
}

// Logical ID → resource, per manifest: looked up once per operation.
const byLogicalId = new WeakMap<Manifest, Map<string, ManifestResource>>();

function resourceOf(manifest: Manifest, logicalId: string): ManifestResource {
  let index = byLogicalId.get(manifest);
  if (!index) byLogicalId.set(manifest, (index = new Map(manifest.resources.map((r) => [r.logicalId, r]))));
  const found = index.get(logicalId);
  if (!found) throw new Error(`plan names '${logicalId}', which is not in the manifest`);
  return found;
}

function outcome(operation: "create" | "update", resource: ManifestResource, id: string, item: JsonObject, waitedMs: number): OperationOutcome {
  return {
    operation,
    logicalId: resource.logicalId,
    type: resource.type,
    cloudId: id,
    waitedSeconds: waitedMs / 1000,
    ...(typeof item.state === "string" ? { state: item.state } : {}),
  };
}

/** The engine clock, in ms, as the account sees it. */
function clockOf(ctx: DeployContext, account: string): number {
  return Date.parse(String(clientFor(ctx.settings).request("DescribeClock", {}, { account }).now));
}

// 128 random bits per process, then a counter: unique per create attempt without asking the OS for randomness each time.
const TOKEN_PREFIX = `hl-${randomBytes(16).toString("hex")}-`;
let tokens = 0;

/** A client token unique to this create attempt (≤128 characters, as the engine requires). */
function tokenFor(): string {
  return `${TOKEN_PREFIX}${(tokens++).toString(36)}`;
}

/** People's word for a type, for progress lines. */
export function nounOfType(type: string): string {
  return (NOUNS as Record<string, string>)[type] ?? type;
}
