import * as pulumi from "@pulumi/pulumi";
import { IConstruct } from "constructs";
import { ResourceType } from "../core/manifest";
import { NetworkResource } from "../core/resource";

/** The areas of component type tokens: `hybridlink:<area>:<Name>`. */
export type ComponentArea = "vpn" | "peering" | "ccn" | "network";

// The first area whose resource types a construct contains names it: a hub over a CCN is still a VPN.
const AREA_BY_TYPES: ReadonlyArray<readonly [ComponentArea, readonly ResourceType[]]> = [
  ["vpn", ["VpnGateway", "VpnConnection", "VpnGatewayRoute", "CustomerGateway"]],
  ["peering", ["PeeringConnection"]],
  ["ccn", ["Ccn", "CcnAttachment", "DirectConnectGateway"]],
];

/** A high-level construct of the tree and its Pulumi component. */
export interface ComponentPlan {
  readonly construct: IConstruct;
  /** `hybridlink:<area>:<ClassName>`. */
  readonly typeToken: string;
  /** Construct path of the enclosing component, if any. */
  readonly parentPath?: string;
  /** Logical IDs of the low-level resources under it (at any depth). */
  readonly resources: readonly string[];
}

/**
 * The constructs that become ComponentResources: every construct that is not a
 * low-level resource, not the app and not a bare `Construct` (a grouping
 * scope), with at least one resource under it. Patterns are found this way
 * whatever their class, in tree order (parents first).
 */
export function planComponents(root: IConstruct): ComponentPlan[] {
  const plans: ComponentPlan[] = [];
  const byPath = new Set<string>();
  for (const c of root.node.findAll()) {
    if (c === root || NetworkResource.isNetworkResource(c) || c.constructor.name === "Construct") continue;
    const resources = c.node.findAll().filter((x) => NetworkResource.isNetworkResource(x));
    if (resources.length === 0) continue;
    const parentPath = enclosing(c, byPath);
    plans.push({
      construct: c,
      typeToken: `hybridlink:${areaOf(resources)}:${c.constructor.name}`,
      ...(parentPath !== undefined ? { parentPath } : {}),
      resources: resources.map((r) => r.logicalId),
    });
    byPath.add(c.node.path);
  }
  return plans;
}

/** Construct path of the nearest ancestor in `components`, if any. */
export function enclosing(c: IConstruct, components: ReadonlySet<string>): string | undefined {
  for (let scope = c.node.scope; scope; scope = scope.node.scope) {
    if (components.has(scope.node.path)) return scope.node.path;
  }
  return undefined;
}

function areaOf(resources: readonly NetworkResource[]): ComponentArea {
  const types = new Set(resources.map((r) => r.resourceType));
  for (const [area, members] of AREA_BY_TYPES) if (members.some((t) => types.has(t))) return area;
  return "network";
}

/** A high-level construct in the Pulumi program: groups its resources, and carries their typed outputs. */
export class NetworkComponent extends pulumi.ComponentResource {
  constructor(typeToken: string, name: string, opts: pulumi.ComponentResourceOptions = {}) {
    super(typeToken, name, {}, opts);
  }

  /** Ends registration: the typed outputs of the resources under this construct become the component's outputs. */
  public complete(outputs: pulumi.Inputs): void {
    this.registerOutputs(outputs);
  }
}
