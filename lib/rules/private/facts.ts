import { ManifestResource } from "../../core/manifest";
import { ManifestIndex } from "../../core/manifest-index";
import { Cidr, OwnedCidr } from "../../net/cidr";
import { RuleContext } from "../rule";
import { CidrSet } from "./cidr-set";
import { parsedCidr, parsedCidrs, propsOf, refId } from "./read";

type R<T extends ManifestResource["type"]> = ManifestResource<T>;

/** A VPC route with its references resolved to IDs and its destination parsed. */
export interface VpcRoute {
  readonly route: ManifestResource<"Route">;
  /** The VPC of the route's table. */
  readonly vpcId?: string;
  readonly nextHopType: unknown;
  readonly nextHopId?: string;
  readonly destination?: Cidr;
  readonly enabled: boolean;
}

/**
 * Relations the rules ask for, derived once per manifest in O(n) and shared
 * by every rule through `factsOf` (cached on the ManifestIndex), so no rule
 * re-derives them or loops over all resources in pairs.
 */
export class NetworkFacts {
  private readonly vpcBlocks = new Map<string, Cidr[]>();
  private readonly siteBlocks = new Map<string, Cidr[]>();
  private readonly tableVpc = new Map<string, string>();
  private readonly routesByNextHop = new Map<string, VpcRoute[]>();
  /** Every VPC route, resolved once. */
  public readonly vpcRoutes: readonly VpcRoute[];
  private readonly peeringsByVpc = new Map<string, R<"PeeringConnection">[]>();
  private readonly connectionsByGateway = new Map<string, R<"VpnConnection">[]>();
  private readonly gatewayRoutesByGateway = new Map<string, R<"VpnGatewayRoute">[]>();
  private readonly attachmentsByCcn = new Map<string, R<"CcnAttachment">[]>();
  private readonly attachmentsByInstance = new Map<string, R<"CcnAttachment">[]>();
  private readonly cloudNetworkCache = new Map<string, CidrSet<string>>();
  private readonly siteSetCache = new Map<string, CidrSet<string>>();
  private readonly vpcSetCache = new Map<string, CidrSet<string>>();

  constructor(private readonly index: ManifestIndex) {
    for (const vpc of index.ofType("Vpc")) this.vpcBlocks.set(vpc.logicalId, parsedCidrs(propsOf(vpc).cidrs));
    for (const site of index.ofType("IdcSite")) this.siteBlocks.set(site.logicalId, parsedCidrs(propsOf(site).cidrs));
    for (const table of index.ofType("RouteTable")) {
      const vpc = refId(propsOf(table).vpc);
      if (vpc) this.tableVpc.set(table.logicalId, vpc);
    }
    const vpcRoutes: VpcRoute[] = [];
    for (const route of index.ofType("Route")) {
      const p = propsOf(route);
      const nextHopId = refId(p.nextHop);
      const info: VpcRoute = {
        route,
        vpcId: this.vpcOfRouteTable(refId(p.routeTable)),
        nextHopType: p.nextHopType,
        nextHopId,
        destination: parsedCidr(p.destinationCidr),
        enabled: p.enabled !== false,
      };
      vpcRoutes.push(info);
      push(this.routesByNextHop, nextHopId, info);
    }
    this.vpcRoutes = vpcRoutes;
    for (const peering of index.ofType("PeeringConnection")) {
      const p = propsOf(peering);
      const requester = refId(p.requesterVpc);
      const accepter = refId(p.accepterVpc);
      push(this.peeringsByVpc, requester, peering);
      if (accepter !== requester) push(this.peeringsByVpc, accepter, peering);
    }
    for (const c of index.ofType("VpnConnection")) push(this.connectionsByGateway, refId(propsOf(c).vpnGateway), c);
    for (const r of index.ofType("VpnGatewayRoute")) push(this.gatewayRoutesByGateway, refId(propsOf(r).vpnGateway), r);
    for (const a of index.ofType("CcnAttachment")) {
      push(this.attachmentsByCcn, refId(propsOf(a).ccn), a);
      push(this.attachmentsByInstance, refId(propsOf(a).instance), a);
    }
  }

  /** The VPC's parsed CIDR blocks (normalized; unparsable ones left out). */
  public vpcCidrs(vpcId: string | undefined): readonly Cidr[] {
    return (vpcId && this.vpcBlocks.get(vpcId)) || [];
  }

  /** The IDC site's parsed CIDR blocks. */
  public siteCidrs(siteId: string | undefined): readonly Cidr[] {
    return (siteId && this.siteBlocks.get(siteId)) || [];
  }

  /** The VPC a route table belongs to. */
  public vpcOfRouteTable(tableId: string | undefined): string | undefined {
    return tableId ? this.tableVpc.get(tableId) : undefined;
  }

  /** VPC routes whose next hop is the given peering, gateway or CCN. */
  public routesVia(nextHopId: string): readonly VpcRoute[] {
    return this.routesByNextHop.get(nextHopId) ?? [];
  }

  /** Peering connections with the VPC at either end. */
  public peeringsOf(vpcId: string): readonly R<"PeeringConnection">[] {
    return this.peeringsByVpc.get(vpcId) ?? [];
  }

  /** Every VPC that has at least one peering, with its peerings. */
  public get peeringsByVpcId(): ReadonlyMap<string, readonly R<"PeeringConnection">[]> {
    return this.peeringsByVpc;
  }

  /** IPsec connections on a VPN gateway. */
  public connectionsOf(gatewayId: string): readonly R<"VpnConnection">[] {
    return this.connectionsByGateway.get(gatewayId) ?? [];
  }

  /** Destination routes of a VPN gateway. */
  public gatewayRoutesOf(gatewayId: string): readonly R<"VpnGatewayRoute">[] {
    return this.gatewayRoutesByGateway.get(gatewayId) ?? [];
  }

  /** Attachments of a CCN. */
  public attachmentsOf(ccnId: string): readonly R<"CcnAttachment">[] {
    return this.attachmentsByCcn.get(ccnId) ?? [];
  }

  /** Attachments that attach the given instance (a VPC, VPN gateway or direct-connect gateway). */
  public attachmentsFor(instanceId: string): readonly R<"CcnAttachment">[] {
    return this.attachmentsByInstance.get(instanceId) ?? [];
  }

  /** The IDC site behind a customer gateway, if it names one that exists. */
  public siteOfCustomerGateway(customerGatewayId: string | undefined): R<"IdcSite"> | undefined {
    const cgw = resolve(this.index, customerGatewayId, "CustomerGateway");
    return cgw ? resolve(this.index, refId(propsOf(cgw).site), "IdcSite") : undefined;
  }

  /** The IDC site at the far end of a connection (through its customer gateway). */
  public siteOfConnection(connection: R<"VpnConnection">): R<"IdcSite"> | undefined {
    return this.siteOfCustomerGateway(refId(propsOf(connection).customerGateway));
  }

  /** The VPC's blocks as a set, for coverage questions. */
  public vpcSet(vpcId: string): CidrSet<string> {
    let set = this.vpcSetCache.get(vpcId);
    if (!set) {
      set = new CidrSet(this.vpcCidrs(vpcId).map((cidr) => ({ cidr, owner: vpcId })));
      this.vpcSetCache.set(vpcId, set);
    }
    return set;
  }

  /** The IDC site's blocks as a set, for coverage questions. */
  public siteSet(siteId: string): CidrSet<string> {
    let set = this.siteSetCache.get(siteId);
    if (!set) {
      set = new CidrSet(this.siteCidrs(siteId).map((cidr) => ({ cidr, owner: siteId })));
      this.siteSetCache.set(siteId, set);
    }
    return set;
  }

  /**
   * The cloud networks a VPN gateway reaches, owned by the VPC or
   * direct-connect gateway they belong to: the VPC of a VPC-type gateway; for a
   * CCN-type gateway, every VPC and direct-connect prefix on the CCNs it is
   * attached to (none when it is not attached: scenario 3).
   */
  public cloudNetworks(gatewayId: string): CidrSet<string> {
    let set = this.cloudNetworkCache.get(gatewayId);
    if (!set) {
      set = new CidrSet(this.cloudBlocks(gatewayId));
      this.cloudNetworkCache.set(gatewayId, set);
    }
    return set;
  }

  /** The blocks a CCN learns from one attachment: VPC CIDRs, gateway route destinations, on-prem prefixes. */
  public learnedPrefixes(attachment: R<"CcnAttachment">): OwnedCidr<string>[] {
    const instance = this.index.tryGet(refId(propsOf(attachment).instance) ?? "");
    if (!instance) return [];
    const owner = attachment.logicalId;
    switch (instance.type) {
      case "Vpc":
        return this.vpcCidrs(instance.logicalId).map((cidr) => ({ cidr, owner }));
      case "DirectConnectGateway":
        return parsedCidrs(propsOf(instance).onPremPrefixes).map((cidr) => ({ cidr, owner }));
      case "VpnGateway":
        return this.gatewayRoutesOf(instance.logicalId).flatMap((route) => {
          const cidr = parsedCidr(propsOf(route).destinationCidr);
          return cidr ? [{ cidr, owner }] : [];
        });
      default:
        return [];
    }
  }

  private cloudBlocks(gatewayId: string): OwnedCidr<string>[] {
    const gateway = resolve(this.index, gatewayId, "VpnGateway");
    if (!gateway) return [];
    const props = propsOf(gateway);
    if (props.type !== "CCN") {
      const vpc = refId(props.vpc);
      return vpc ? this.vpcCidrs(vpc).map((cidr) => ({ cidr, owner: vpc })) : [];
    }
    const blocks: OwnedCidr<string>[] = [];
    for (const own of this.attachmentsFor(gatewayId)) {
      for (const attachment of this.attachmentsOf(refId(propsOf(own).ccn) ?? "")) {
        const instance = this.index.tryGet(refId(propsOf(attachment).instance) ?? "");
        if (!instance) continue;
        if (instance.type === "Vpc") {
          for (const cidr of this.vpcCidrs(instance.logicalId)) blocks.push({ cidr, owner: instance.logicalId });
        } else if (instance.type === "DirectConnectGateway") {
          for (const cidr of parsedCidrs(propsOf(instance).onPremPrefixes)) blocks.push({ cidr, owner: instance.logicalId });
        }
      }
    }
    return blocks;
  }
}

/** The resource with that logical ID if it exists and has the given type. */
export function resolve<T extends ManifestResource["type"]>(
  index: ManifestIndex,
  logicalId: string | undefined,
  type: T,
): R<T> | undefined {
  const resource = logicalId === undefined ? undefined : index.tryGet(logicalId);
  return resource && resource.type === type ? (resource as R<T>) : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K | undefined, value: V): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<ManifestIndex, NetworkFacts>();

/** The derived facts of the context's manifest, built on first use and shared by every rule. */
export function factsOf(context: RuleContext): NetworkFacts {
  let facts = cache.get(context.index);
  if (!facts) {
    facts = new NetworkFacts(context.index);
    cache.set(context.index, facts);
  }
  return facts;
}
