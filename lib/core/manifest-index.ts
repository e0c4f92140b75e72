import { Manifest, ManifestResource, Ref, ResourceType, RESOURCE_TYPES } from "./manifest";

/**
 * Lookups over a manifest: by logical ID, by type, and the relations rules and
 * the data plane ask for (which VPC a subnet is in, which region a gateway is
 * in). Built once per manifest in O(n).
 */
export class ManifestIndex {
  private readonly byId = new Map<string, ManifestResource>();
  private readonly byType = new Map<ResourceType, ManifestResource[]>();

  constructor(public readonly manifest: Manifest) {
    for (const t of RESOURCE_TYPES) this.byType.set(t, []);
    for (const r of manifest.resources) {
      this.byId.set(r.logicalId, r);
      let bucket = this.byType.get(r.type);
      if (!bucket) {
        bucket = [];
        this.byType.set(r.type, bucket);
      }
      bucket.push(r);
    }
  }

  public tryGet(logicalId: string): ManifestResource | undefined {
    return this.byId.get(logicalId);
  }

  public get(logicalId: string): ManifestResource {
    const r = this.byId.get(logicalId);
    if (!r) throw new Error(`No resource with logical ID '${logicalId}' in the manifest`);
    return r;
  }

  /** Every resource of one type, in manifest order. */
  public ofType<T extends ResourceType>(type: T): readonly ManifestResource<T>[] {
    return (this.byType.get(type) ?? []) as ManifestResource<T>[];
  }

  /** The resource a reference points at if it exists and has the given type. */
  public tryResolve<T extends ResourceType>(ref: Ref | undefined, type: T): ManifestResource<T> | undefined {
    if (!ref) return undefined;
    const r = this.byId.get(ref.ref);
    return r && r.type === type ? (r as ManifestResource<T>) : undefined;
  }

  /** The region a resource lives in, following references where the type has none of its own. */
  public regionOf(resource: ManifestResource): string | undefined {
    const p = resource.props as unknown as Record<string, unknown>;
    if (typeof p.region === "string") return p.region;
    switch (resource.type) {
      case "Subnet":
      case "RouteTable": {
        const vpc = this.tryResolve(p.vpc as Ref, "Vpc");
        return vpc?.props.region;
      }
      case "Route": {
        const table = this.tryResolve(p.routeTable as Ref, "RouteTable");
        return table ? this.regionOf(table) : undefined;
      }
      case "VpnConnection":
      case "VpnGatewayRoute": {
        const gw = this.tryResolve(p.vpnGateway as Ref, "VpnGateway");
        return gw?.props.region;
      }
      case "PeeringConnection": {
        const vpc = this.tryResolve(p.requesterVpc as Ref, "Vpc");
        return vpc?.props.region;
      }
      default:
        return undefined;
    }
  }
}
