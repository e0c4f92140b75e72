import { Cidr, tryParseCidr } from "./cidr";
import {
  NetCcn,
  NetCcnAttachment,
  NetConnection,
  NetCustomerGateway,
  NetDirectConnectGateway,
  NetGatewayRoute,
  NetIdcSite,
  NetPeering,
  NetRoute,
  NetRouteTable,
  NetSubnet,
  NetVpc,
  NetVpnGateway,
  NetworkModel,
} from "./model";
import { PrefixTrie } from "./prefix-trie";

/**
 * The model compiled once for forwarding: nodes by ID with their relations
 * resolved, one prefix trie per route table, gateway, CCN and IDC site, and
 * tries that say which network owns an address. Traces run against this.
 */

/** Every compiled node has a small integer ID, so a trace can remember where it has been cheaply. */
interface Node {
  readonly uid: number;
}

export interface CompiledVpc extends Node {
  readonly vpc: NetVpc;
  readonly cidrs: readonly Cidr[];
  readonly mainTable?: CompiledTable;
  /** Subnets by block, to name the subnet a packet is delivered to. */
  readonly subnets: PrefixTrie<NetSubnet>;
  /** CCNs the VPC is attached to, with the attachment. */
  readonly ccns: Array<{ readonly ccn: CompiledCcn; readonly attachment: NetCcnAttachment }>;
}

/** A VPC route-table entry: a route of the table, or a VPN gateway route published into it. */
export type TableEntryValue =
  | { readonly kind: "ROUTE"; readonly route: NetRoute }
  | { readonly kind: "PUBLISHED"; readonly gatewayRoute: NetGatewayRoute; readonly gateway: CompiledGateway };

export interface CompiledTable extends Node {
  readonly table: NetRouteTable;
  readonly vpc?: CompiledVpc;
  /** Enabled routes, then published gateway routes (a route of the table wins at an equal prefix). */
  readonly routes: PrefixTrie<TableEntryValue>;
}

export interface CompiledGateway extends Node {
  readonly gateway: NetVpnGateway;
  /** The VPC of a VPC-type gateway. */
  readonly vpc?: CompiledVpc;
  /** Enabled gateway routes, each group sorted by rank then ID. */
  readonly routes: PrefixTrie<NetGatewayRoute>;
  /** SPD connections, matched before the route table. */
  readonly spdConnections: CompiledConnection[];
  readonly connections: CompiledConnection[];
  readonly ccns: Array<{ readonly ccn: CompiledCcn; readonly attachment: NetCcnAttachment }>;
}

export interface CompiledSpdPolicy {
  readonly local: readonly Cidr[];
  readonly remote: readonly Cidr[];
}

export interface CompiledConnection extends Node {
  readonly connection: NetConnection;
  readonly gateway?: CompiledGateway;
  readonly customerGateway?: NetCustomerGateway;
  readonly site?: CompiledSite;
  readonly policies: readonly CompiledSpdPolicy[];
  /** Preference of the tunnel as the IDC sees it: the best rank of the gateway routes through it. */
  readonly rank: number;
}

/** A CCN route, learned from one attachment. */
export interface CcnRoute {
  readonly attachment: NetCcnAttachment;
  readonly target:
    | { readonly kind: "VPC"; readonly node: CompiledVpc }
    | { readonly kind: "VPN_GATEWAY"; readonly node: CompiledGateway }
    | { readonly kind: "DIRECT_CONNECT_GATEWAY"; readonly node: CompiledDirectConnect };
}

export interface CompiledCcn extends Node {
  readonly ccn: NetCcn;
  readonly routes: PrefixTrie<CcnRoute>;
}

/** An entry of an IDC site's own routing toward the cloud: a block reachable through one tunnel. */
export interface SiteTunnelRoute {
  readonly connection: CompiledConnection;
  /** Where the block comes from, for people. */
  readonly learnedFrom: string;
}

export interface CompiledSite extends Node {
  readonly site: NetIdcSite;
  readonly cidrs: readonly Cidr[];
  readonly tunnels: CompiledConnection[];
  /** What the site's devices send into which tunnel (the downloaded configuration). */
  readonly tunnelRoutes: PrefixTrie<SiteTunnelRoute>;
}

export interface CompiledDirectConnect extends Node {
  readonly gateway: NetDirectConnectGateway;
  readonly prefixes: readonly Cidr[];
  readonly ccns: Array<{ readonly ccn: CompiledCcn; readonly attachment: NetCcnAttachment }>;
}

export interface CompiledPeering extends Node {
  readonly peering: NetPeering;
  readonly requester?: CompiledVpc;
  readonly accepter?: CompiledVpc;
}

/** Who owns an address block. */
export type Owner =
  | { readonly kind: "SUBNET"; readonly subnet: NetSubnet; readonly vpc?: CompiledVpc; readonly table?: CompiledTable }
  | { readonly kind: "VPC"; readonly vpc: CompiledVpc }
  | { readonly kind: "IDC_SITE"; readonly site: CompiledSite }
  | { readonly kind: "DIRECT_CONNECT_GATEWAY"; readonly dc: CompiledDirectConnect };

export interface CompiledNetwork {
  readonly model: NetworkModel;
  readonly vpcs: ReadonlyMap<string, CompiledVpc>;
  readonly subnets: ReadonlyMap<string, NetSubnet>;
  readonly tables: ReadonlyMap<string, CompiledTable>;
  readonly gateways: ReadonlyMap<string, CompiledGateway>;
  readonly connections: ReadonlyMap<string, CompiledConnection>;
  readonly ccns: ReadonlyMap<string, CompiledCcn>;
  readonly sites: ReadonlyMap<string, CompiledSite>;
  readonly directConnects: ReadonlyMap<string, CompiledDirectConnect>;
  readonly peerings: ReadonlyMap<string, CompiledPeering>;
  /** Subnets, VPC CIDRs, IDC CIDRs and on-prem prefixes: who an address belongs to. */
  readonly owners: PrefixTrie<Owner>;
}

const compiled = new WeakMap<NetworkModel, CompiledNetwork>();

/**
 * The compiled form of `model`, built once per model object. Models are
 * values: build a new one (or spread a changed copy, as the failure
 * transforms do) rather than mutating one that has been traced.
 */
export function compileNetwork(model: NetworkModel): CompiledNetwork {
  let net = compiled.get(model);
  if (!net) {
    net = new Compiler(model).compile();
    compiled.set(model, net);
  }
  return net;
}

function cidrsOf(texts: readonly string[]): Cidr[] {
  const out: Cidr[] = [];
  // Unparseable blocks are a rule violation reported elsewhere; the data plane ignores them.
  for (const t of texts) {
    const c = tryParseCidr(t);
    if (c) out.push(c);
  }
  return out;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

class Compiler {
  private uid = 0;
  private readonly vpcs = new Map<string, CompiledVpc>();
  private readonly subnets = new Map<string, NetSubnet>();
  private readonly tables = new Map<string, CompiledTable>();
  private readonly gateways = new Map<string, CompiledGateway>();
  private readonly connections = new Map<string, CompiledConnection>();
  private readonly ccns = new Map<string, CompiledCcn>();
  private readonly sites = new Map<string, CompiledSite>();
  private readonly directConnects = new Map<string, CompiledDirectConnect>();
  private readonly peerings = new Map<string, CompiledPeering>();
  private readonly owners = new PrefixTrie<Owner>();

  constructor(private readonly model: NetworkModel) {}

  public compile(): CompiledNetwork {
    this.addNetworks();
    this.addTables();
    this.addGateways();
    this.addCcns();
    this.addTunnelRoutes();
    this.addOwners();
    return {
      model: this.model,
      vpcs: this.vpcs,
      subnets: this.subnets,
      tables: this.tables,
      gateways: this.gateways,
      connections: this.connections,
      ccns: this.ccns,
      sites: this.sites,
      directConnects: this.directConnects,
      peerings: this.peerings,
      owners: this.owners,
    };
  }

  private next(): number {
    return ++this.uid;
  }

  private addNetworks(): void {
    const m = this.model;
    for (const vpc of m.vpcs) {
      this.vpcs.set(vpc.id, { uid: this.next(), vpc, cidrs: cidrsOf(vpc.cidrs), subnets: new PrefixTrie(), ccns: [] });
    }
    for (const site of m.idcSites) {
      this.sites.set(site.id, {
        uid: this.next(),
        site,
        cidrs: cidrsOf(site.cidrs),
        tunnels: [],
        tunnelRoutes: new PrefixTrie(),
      });
    }
    for (const dc of m.directConnectGateways) {
      this.directConnects.set(dc.id, { uid: this.next(), gateway: dc, prefixes: cidrsOf(dc.onPremPrefixes), ccns: [] });
    }
    for (const p of m.peerings) {
      this.peerings.set(p.id, {
        uid: this.next(),
        peering: p,
        requester: this.vpcs.get(p.requesterVpc),
        accepter: this.vpcs.get(p.accepterVpc),
      });
    }
  }

  private addTables(): void {
    const m = this.model;
    for (const table of m.routeTables) {
      const vpc = this.vpcs.get(table.vpc);
      const node: CompiledTable = { uid: this.next(), table, vpc, routes: new PrefixTrie() };
      this.tables.set(table.id, node);
      if (vpc && table.main && !vpc.mainTable) (vpc as { mainTable?: CompiledTable }).mainTable = node;
    }
    for (const route of m.routes) {
      const table = this.tables.get(route.routeTable);
      const cidr = tryParseCidr(route.destinationCidr);
      if (table && cidr && route.enabled) table.routes.insert(cidr, { kind: "ROUTE", route });
    }
    for (const subnet of m.subnets) {
      this.subnets.set(subnet.id, subnet);
      const vpc = this.vpcs.get(subnet.vpc);
      const cidr = tryParseCidr(subnet.cidr);
      if (vpc && cidr) vpc.subnets.insert(cidr, subnet);
    }
  }

  private addGateways(): void {
    const m = this.model;
    for (const gateway of m.vpnGateways) {
      this.gateways.set(gateway.id, {
        uid: this.next(),
        gateway,
        vpc: gateway.type === "VPC" && gateway.vpc ? this.vpcs.get(gateway.vpc) : undefined,
        routes: new PrefixTrie(),
        spdConnections: [],
        connections: [],
        ccns: [],
      });
    }
    const rankOf = new Map<string, number>();
    for (const r of m.gatewayRoutes) {
      if (r.enabled) rankOf.set(r.connection, Math.min(rankOf.get(r.connection) ?? Infinity, r.rank));
    }
    const customerGateways = new Map(m.customerGateways.map((c) => [c.id, c]));
    for (const connection of [...m.connections].sort(byId)) {
      const gateway = this.gateways.get(connection.gateway);
      const customerGateway = customerGateways.get(connection.customerGateway);
      const site = customerGateway?.site ? this.sites.get(customerGateway.site) : undefined;
      const node: CompiledConnection = {
        uid: this.next(),
        connection,
        gateway,
        customerGateway,
        site,
        policies: connection.spdPolicies.map((p) => ({ local: cidrsOf(p.localCidrs), remote: cidrsOf(p.remoteCidrs) })),
        rank: rankOf.get(connection.id) ?? 0,
      };
      this.connections.set(connection.id, node);
      gateway?.connections.push(node);
      if (gateway && connection.routeType === "SPD") gateway.spdConnections.push(node);
      site?.tunnels.push(node);
    }
    // Preferred first, so selection takes the first usable route of the longest prefix.
    const routes = [...m.gatewayRoutes].sort((a, b) => a.rank - b.rank || byId(a, b));
    for (const route of routes) {
      const gateway = this.gateways.get(route.gateway);
      const cidr = tryParseCidr(route.destinationCidr);
      if (!gateway || !cidr || !route.enabled) continue;
      gateway.routes.insert(cidr, route);
      this.publish(route, gateway, cidr);
    }
  }

  /** A VPC-type gateway's route published to the VPC lands in its main table, next hop the gateway. */
  private publish(route: NetGatewayRoute, gateway: CompiledGateway, cidr: Cidr): void {
    const table = route.publishToVpc ? gateway.vpc?.mainTable : undefined;
    if (!table) return;
    const duplicate = table.routes.exact(cidr)?.values.some((v) => v.kind === "PUBLISHED" && v.gateway === gateway);
    if (!duplicate) table.routes.insert(cidr, { kind: "PUBLISHED", gatewayRoute: route, gateway });
  }

  private addCcns(): void {
    const m = this.model;
    for (const ccn of m.ccns) this.ccns.set(ccn.id, { uid: this.next(), ccn, routes: new PrefixTrie() });
    for (const attachment of m.ccnAttachments) {
      const ccn = this.ccns.get(attachment.ccn);
      if (!ccn) continue;
      if (attachment.instanceType === "VPC") {
        const vpc = this.vpcs.get(attachment.instance);
        if (!vpc) continue;
        vpc.ccns.push({ ccn, attachment });
        for (const c of vpc.cidrs) ccn.routes.insert(c, { attachment, target: { kind: "VPC", node: vpc } });
      } else if (attachment.instanceType === "VPN_GATEWAY") {
        const gateway = this.gateways.get(attachment.instance);
        if (!gateway) continue;
        gateway.ccns.push({ ccn, attachment });
        const learned = new Set<string>();
        for (const entry of gateway.routes.entries()) {
          if (learned.has(entry.cidr.network)) continue;
          learned.add(entry.cidr.network);
          ccn.routes.insert(entry.cidr, { attachment, target: { kind: "VPN_GATEWAY", node: gateway } });
        }
      } else {
        const dc = this.directConnects.get(attachment.instance);
        if (!dc) continue;
        dc.ccns.push({ ccn, attachment });
        for (const c of dc.prefixes) ccn.routes.insert(c, { attachment, target: { kind: "DIRECT_CONNECT_GATEWAY", node: dc } });
      }
    }
  }

  /**
   * What each IDC device sends into its tunnel, as its downloaded configuration
   * says: an SPD tunnel carries its policies' cloud-side blocks; a route-based
   * tunnel carries every network its gateway offers (its VPC, the CCN's other
   * routes, the gateway's routes through other tunnels).
   */
  private addTunnelRoutes(): void {
    for (const site of this.sites.values()) {
      site.tunnels.sort((a, b) => a.rank - b.rank || byId(a.connection, b.connection));
      for (const tunnel of site.tunnels) {
        const add = (cidr: Cidr, learnedFrom: string): void =>
          site.tunnelRoutes.insert(cidr, { connection: tunnel, learnedFrom });
        if (tunnel.connection.routeType === "SPD") {
          for (const p of tunnel.policies) for (const c of p.local) add(c, "SPD policy");
          continue;
        }
        const gateway = tunnel.gateway;
        if (!gateway) continue;
        if (gateway.vpc) for (const c of gateway.vpc.cidrs) add(c, `VPC ${gateway.vpc.vpc.name}`);
        for (const entry of gateway.routes.entries()) {
          if (entry.values.some((r) => r.connection !== tunnel.connection.id)) add(entry.cidr, "gateway route");
        }
        for (const { ccn, attachment } of gateway.ccns) {
          for (const entry of ccn.routes.entries()) {
            if (entry.values.some((r) => r.attachment.id !== attachment.id)) add(entry.cidr, `CCN ${ccn.ccn.name}`);
          }
        }
      }
    }
  }

  private addOwners(): void {
    for (const vpc of this.vpcs.values()) for (const c of vpc.cidrs) this.owners.insert(c, { kind: "VPC", vpc });
    for (const subnet of this.model.subnets) {
      const cidr = tryParseCidr(subnet.cidr);
      if (!cidr) continue;
      const vpc = this.vpcs.get(subnet.vpc);
      const table = this.tables.get(subnet.routeTable) ?? vpc?.mainTable;
      this.owners.insert(cidr, { kind: "SUBNET", subnet, vpc, table });
    }
    for (const site of this.sites.values()) for (const c of site.cidrs) this.owners.insert(c, { kind: "IDC_SITE", site });
    for (const dc of this.directConnects.values()) {
      for (const c of dc.prefixes) this.owners.insert(c, { kind: "DIRECT_CONNECT_GATEWAY", dc });
    }
  }
}
