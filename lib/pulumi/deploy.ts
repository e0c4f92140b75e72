import * as pulumi from "@pulumi/pulumi";
import { IConstruct } from "constructs";
import type { NetworkApp } from "../core/app";
import type { Manifest, ManifestResource, ProfileName } from "../core";
import { isRef } from "../core/manifest";
import { formatFinding } from "../rules/validate";
import { howToAcknowledge } from "../core/findings";
import { dependencyOrder, resourceInputs } from "../../providers/dynamic";
import { enclosing, NetworkComponent, planComponents } from "./components";
import { DeploymentOutputs, outputsOf } from "./outputs";
import { CloudResource } from "./resource";
import { readSecrets, SecretReader, sourceKey } from "./secrets";

export interface DeployOptions {
  /**
   * Accept cross-account peerings as the accepter account right after
   * creating them: the program deploys the accepter's VPC and routes too, so
   * it holds that account. Without it a cross-account peering stays PENDING
   * until the other account accepts (and expires after 7 days).
   *
   * @default false
   */
  readonly acceptPeerings?: boolean;
  /**
   * Reads a pre-shared key from its source.
   *
   * @default - environment variables of the program's process; Pulumi config secrets
   */
  readonly readSecret?: SecretReader;
  /**
   * The Pulumi resource the top-level components and resources are children of.
   *
   * @default - the stack
   */
  readonly parent?: pulumi.Resource;
}

/** What `deploy` registered. */
export interface Deployment {
  /** The validated manifest that was deployed. */
  readonly manifest: Manifest;
  /** The dynamic resource of each low-level resource, by construct path. */
  readonly resources: Readonly<Record<string, CloudResource>>;
  /** The component of each high-level construct, by construct path. */
  readonly components: Readonly<Record<string, NetworkComponent>>;
  /** Gateway public IPs, connection and peering IDs and states, by construct path: export these from the program. */
  readonly outputs: DeploymentOutputs;
}

/**
 * Registers an app in the running Pulumi program: `export const outputs = deploy(app).outputs`.
 *
 * Synth runs first: a violation throws (every finding at once) before any
 * resource is registered, and so does a pre-shared key that cannot be read;
 * warnings nobody acknowledged are logged as Pulumi warnings.
 * Then each high-level construct becomes a ComponentResource
 * (`hybridlink:<area>:<Class>`) and each low-level resource a dynamic
 * resource under its nearest component, in dependency order, references
 * passed as Outputs so Pulumi orders the creates.
 */
export function deploy(app: NetworkApp, options: DeployOptions = {}): Deployment {
  const { manifest, report } = app.synthesize();
  // Unacknowledged warnings do not stop a deployment; `pulumi up` shows them.
  for (const warning of report.warnings) void pulumi.log.warn(`${formatFinding(warning)} To accept it: ${howToAcknowledge(warning)}.`);
  const secrets = readSecrets(manifest, options.readSecret);
  const profile = manifest.app.profile as ProfileName;
  const constructs = new Map<string, IConstruct>(app.node.findAll().map((c) => [c.node.path, c]));

  const plans = planComponents(app);
  const componentPaths = new Set(plans.map((p) => p.construct.node.path));
  const components: Record<string, NetworkComponent> = {};
  for (const plan of plans) {
    const parent = plan.parentPath !== undefined ? components[plan.parentPath] : options.parent;
    components[plan.construct.node.path] = new NetworkComponent(plan.typeToken, plan.construct.node.path, parent ? { parent } : {});
  }

  const resources: Record<string, CloudResource> = {};
  for (const resource of dependencyOrder(manifest.resources)) {
    const construct = constructs.get(resource.path);
    const parentPath = construct ? enclosing(construct, componentPaths) : undefined;
    const parent = parentPath !== undefined ? components[parentPath] : options.parent;
    const explicit = explicitDependencies(resource).map((d) => resources[d]);
    resources[resource.logicalId] = new CloudResource(resource.type, resource.logicalId, inputsOf(resource, resources, secrets, options), profile, {
      ...(parent ? { parent } : {}),
      ...(explicit.length > 0 ? { dependsOn: explicit } : {}),
    });
  }

  for (const plan of plans) components[plan.construct.node.path].complete({ ...outputsOf(resources, plan.resources) });
  return { manifest, resources, components, outputs: outputsOf(resources) };
}

/** Dependencies that no reference expresses (node.addDependency): references already order the creates as Outputs. */
function explicitDependencies(resource: ManifestResource): string[] {
  const referenced = new Set<string>();
  const walk = (v: unknown): void => {
    if (isRef(v)) referenced.add(v.ref);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(walk);
  };
  walk(resource.props);
  return resource.dependsOn.filter((d) => !referenced.has(d));
}

function inputsOf(
  resource: ManifestResource,
  resources: Readonly<Record<string, CloudResource>>,
  secrets: ReadonlyMap<string, pulumi.Output<string>>,
  options: DeployOptions,
): pulumi.Inputs {
  return resourceInputs<pulumi.Input<unknown>>(
    resource,
    {
      ref: (ref) => {
        const target = resources[ref.ref];
        // Synth (HL-MAN-004) guarantees the target exists; dependency order guarantees it is registered.
        if (!target) throw new Error(`${resource.path}: '${ref.ref}' is not registered before it; the manifest's dependsOn is incomplete.`);
        return target.attribute(ref.attr, resource.path);
      },
      secret: (ref) => secrets.get(sourceKey(ref.secret))!,
    },
    { acceptPeerings: options.acceptPeerings },
  );
}
