import * as pulumi from "@pulumi/pulumi";
import { ResourceType } from "../core/manifest";
import { ProfileName } from "../core/profiles";
import { dynamicProvider } from "../../providers/dynamic";

/** Attributes a manifest reference may name besides `id`: the ResourceAttribute getters of lib/resources. */
export const REFERENCEABLE_ATTRIBUTES = ["state", "publicIp"] as const;

export type ReferenceableAttribute = (typeof REFERENCEABLE_ATTRIBUTES)[number];

/**
 * The attributes each type registers as outputs. Only these: Pulumi pays for
 * every registered property of every resource, so a VPC does not carry an
 * always-undefined `publicIp`.
 */
export const OUTPUT_ATTRIBUTES: Readonly<Partial<Record<ResourceType, readonly ReferenceableAttribute[]>>> = {
  VpnGateway: ["state", "publicIp"],
  VpnConnection: ["state"],
  PeeringConnection: ["state"],
};

/** The Pulumi module of every hybridlink dynamic resource: types read `pulumi-nodejs:dynamic/hybridlink:<Type>`. */
export const DYNAMIC_MODULE = "hybridlink";

// One provider object per type and profile: Pulumi serializes a provider once per object.
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

function providerFor(type: ResourceType, profile: ProfileName): pulumi.dynamic.ResourceProvider {
  const key = `${profile}/${type}`;
  let provider = providers.get(key);
  if (!provider) {
    provider = dynamicProvider(type, { profile });
    providers.set(key, provider);
  }
  return provider;
}

/**
 * One low-level resource of the manifest as a Pulumi dynamic resource. Its
 * provider (one per type) runs the shared CRUD against the simulated cloud.
 */
export class CloudResource extends pulumi.dynamic.Resource {
  // `declare`, not a field: an ES2022 class field would reset the Output that Pulumi's constructor assigned.
  /** Lifecycle state (VPN gateways, connections, peerings): AVAILABLE for a gateway, PENDING/ACTIVE for a peering, a connection's negotiation state. */
  declare public readonly state?: pulumi.Output<string | undefined>;
  /** A VPN gateway's public IP address (VPN gateways only). */
  declare public readonly publicIp?: pulumi.Output<string | undefined>;
  /** The account that owns the resource. */
  declare public readonly account: pulumi.Output<string>;

  /** The low-level type. */
  public readonly resourceType: ResourceType;

  constructor(type: ResourceType, name: string, inputs: pulumi.Inputs, profile: ProfileName, opts: pulumi.CustomResourceOptions = {}) {
    // Undefined members are not sent as inputs; they make Pulumi expose the outputs of those names.
    const outputs = Object.fromEntries((OUTPUT_ATTRIBUTES[type] ?? []).map((a) => [a, undefined]));
    super(providerFor(type, profile), name, { ...outputs, ...inputs }, opts, DYNAMIC_MODULE, type);
    this.resourceType = type;
  }

  /** The output a manifest reference names: `id`, or one of REFERENCEABLE_ATTRIBUTES. */
  public attribute(name: string, from: string): pulumi.Output<string | undefined> {
    if (name === "id") return this.id;
    const available = OUTPUT_ATTRIBUTES[this.resourceType] ?? [];
    if ((available as readonly string[]).includes(name)) return this[name as ReferenceableAttribute]!;
    throw new Error(`${from} refers to attribute '${name}' of a ${this.resourceType}, which has ${["id", ...available].join(", ")}.`);
  }
}
