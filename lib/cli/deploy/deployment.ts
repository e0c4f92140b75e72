import { isSecretRef, Manifest, MANIFEST_FORMAT_VERSION, SecretSource } from "../../core/manifest";
import { ProfileName } from "../../core/profiles";
import { CloudEngine } from "../../../providers/cloud";
import type { CloudClient } from "../../../providers/cloud";
import { clientFor, closeEngines, dependencyOrder, endpointRegion, engineFor, ENV, grantedFeatures, planDeployment, preflightEndpoint } from "../../../providers/dynamic";
import type { DeploymentPlan, PlanOperation, PlanOptions, PlanStep, ProviderSettings } from "../../../providers/dynamic";
import { CliIo } from "../io";
import { EngineOptions } from "../options";
import { storePath } from "../session";
import { StackResource, StackStore } from "../stack/stack-store";
import { DeployContext } from "./apply";
import { PlanView, planView } from "./plan-view";
import { SecretResolver } from "./secrets";
import { interruptedWork, priorStateOf } from "./state";
import { deployedDigest, deployedUnchanged } from "./unchanged";

/** A stack opened for planning or applying: the engine, its records and the plan. */
export interface OpenedDeployment {
  readonly ctx: DeployContext;
  /** The engine the shared provider CRUD uses (one connection per store and process). */
  readonly engine: CloudEngine;
  /** The endpoint the resources are reached at, when not the engine above (which then holds only the records). */
  readonly endpoint?: string;
  readonly records: Map<string, StackResource>;
  readonly plan: DeploymentPlan;
  readonly view: PlanView;
  /** The calls in order: deletes an interrupted run left unfinished, then the plan's operations. */
  readonly operations: readonly PlanOperation[];
  /** Records that the stack now is exactly what the manifest deploys: call once an up has applied every operation. */
  markDeployed(): void;
  /** Closes the engine and the stack store. */
  close(): void;
}

/** How to open a deployment: the engine options, plus whether to accept peerings and whether to plan on a scratch cloud. */
export interface OpenOptions extends EngineOptions {
  readonly acceptPeerings?: boolean;
  /**
   * Reach the cloud through the official SDK at this endpoint; the stack's
   * records stay in the local store (as Pulumi keeps its state apart from the cloud).
   *
   * @default - `$HYBRIDLINK_ENDPOINT`, else the in-process engine
   */
  readonly endpoint?: string;
  /**
   * Plan against an empty, throw-away cloud instead of the store file (a plan
   * where nothing is deployed yet creates no file).
   *
   * @default false
   */
  readonly scratch?: boolean;
  /**
   * Take the stack's lock for this operation before reading its records (held
   * until `close`); refused at once when another `up`/`destroy` holds it.
   * Ignored on a scratch cloud. Plans without it (`plan` changes nothing).
   */
  readonly lock?: "up" | "destroy";
  /** Told when the lock was taken over from a holder that died (its process is gone). */
  readonly onLockTakenOver?: (message: string) => void;
}

/**
 * Opens the engine (created with the app's profile if new), reads the stack's
 * records and plans the move from them to `manifest` with the shared
 * `planDeployment` — the diff Pulumi's providers use. Nothing is changed.
 */
export function openDeployment(stack: string, program: string, manifest: Manifest, options: OpenOptions): OpenedDeployment {
  const endpoint = options.scratch ? undefined : (options.endpoint ?? (process.env[ENV.endpoint] || undefined));
  const settings: ProviderSettings = {
    statePath: options.scratch ? ":memory:" : storePath(options),
    profile: manifest.app.profile as ProfileName,
    ...(endpoint !== undefined ? { endpoint, adminToken: process.env[ENV.adminToken] || undefined, region: process.env[ENV.region] || endpointRegion(manifest) } : {}),
  };
  if (endpoint !== undefined) preflightEndpoint(manifest, endpoint, () => clientFor(settings));
  // Where the resources are: the in-process engine, or the endpoint (then the engine below keeps only the records).
  const cloud = clientFor(settings);
  const engine = engineFor(settings);
  // On the engine's connection: records and the requests they record commit together (engine.batch).
  const store = StackStore.of(engine);
  let release = (): void => undefined;
  try {
    if (options.lock && !options.scratch) {
      const lock = store.locks().acquire(stack, options.lock);
      release = lock.release;
      if (lock.replaced) {
        const h = lock.replaced;
        options.onLockTakenOver?.(`took over the lock of stack ${stack} left by \`${h.operation}\` (pid ${h.pid} on ${h.host}, since ${h.since}), which is no longer running; finishing what it recorded`);
      }
    }
    const secrets = new SecretResolver(store, stack);
    const acceptPeerings = options.acceptPeerings === true;
    const digest = deployedDigest(manifest, acceptPeerings);
    const unchanged = deployedUnchanged(store, stack, manifest, digest, secrets, cloud.secretDigestKey());
    const all = unchanged ? [] : store.resources(stack);
    const plan = unchanged ? unchangedPlan(manifest) : planDeployment(manifest, priorStateOf(all), { resolveSecret: (s) => secrets.peek(s), acceptPeerings, digestKey: cloud.secretDigestKey(), ...featureLookup(cloud, endpoint) });
    const unfinished = interruptedWork(all).deleting.map(
      (r): PlanOperation => ({ operation: "delete", logicalId: r.logicalId, type: r.type, ...(r.cloudId ? { id: r.cloudId } : {}) }),
    );
    for (const source of secretSourcesOf(manifest)) secrets.peek(source);
    const view = planView(stack, program, manifest, plan, all, secrets.generatedSources());
    return {
      ctx: { stack, manifest, store, settings, secrets, acceptPeerings },
      engine,
      ...(endpoint !== undefined ? { endpoint } : {}),
      records: new Map(all.map((r) => [r.logicalId, r])),
      plan,
      view,
      operations: [...unfinished, ...plan.operations],
      markDeployed() {
        store.markDeployed(stack, digest);
      },
      close() {
        release();
        store.close();
        closeEngines();
      },
    };
  } catch (err) {
    release();
    store.close();
    closeEngines();
    throw err;
  }
}

/**
 * How the plan learns an account's granted features (tickets): from the engine in process, from
 * serve's admin path with its token; a real cloud has no such query, so there the cloud answers at create.
 */
function featureLookup(cloud: CloudClient, endpoint: string | undefined): Pick<PlanOptions, "hasFeature"> {
  return endpoint !== undefined && !process.env[ENV.adminToken] ? {} : { hasFeature: grantedFeatures(cloud) };
}

/** The lock options of `up`/`destroy`: the stack locked for `operation`; a taken-over lock is told on standard error (stdout may be JSON). */
export function lockFor(operation: "up" | "destroy", io: CliIo): Pick<OpenOptions, "lock" | "onLockTakenOver"> {
  return { lock: operation, onLockTakenOver: (message) => io.err(`hybridlink: ${message}`) };
}

/** The plan of a stack that is exactly what the manifest deploys: every resource unchanged (see deployedUnchanged). */
function unchangedPlan(manifest: Manifest): DeploymentPlan {
  const steps = dependencyOrder(manifest.resources).map(
    (r): PlanStep => ({ action: "same", logicalId: r.logicalId, type: r.type, changed: [], replaces: [], reason: "no change" }),
  );
  return { steps, operations: [], counts: { create: 0, update: 0, replace: 0, delete: 0, same: steps.length } };
}

/** Every key source the manifest names (so a plan can say which are unset before up generates them). */
function secretSourcesOf(manifest: Manifest): SecretSource[] {
  const out: SecretSource[] = [];
  const visit = (value: unknown): void => {
    if (isSecretRef(value)) out.push(value.secret);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  for (const r of manifest.resources) visit(r.props);
  return out;
}

/** A manifest with the app's settings and no resources: planning against it deletes everything. */
export function emptyManifest(app: Manifest["app"]): Manifest {
  return { formatVersion: MANIFEST_FORMAT_VERSION, app, resources: [], intents: [], acknowledgements: [] };
}
