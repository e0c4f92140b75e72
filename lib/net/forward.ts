import { Cidr, formatIp } from "./cidr";
import {
  CcnRoute,
  CompiledCcn,
  CompiledConnection,
  CompiledDirectConnect,
  CompiledGateway,
  CompiledNetwork,
  CompiledPeering,
  CompiledSite,
  CompiledTable,
  CompiledVpc,
  TableEntryValue,
} from "./compile";
import { NetCcnAttachment, NetGatewayRoute, NetSubnet } from "./model";
import { PrefixEntry } from "./prefix-trie";
import { MissingRoute, Place, TableEntry, TraceHop, TraceVerdict } from "./verdicts";

/**
 * The one forwarding algorithm (DESIGN.md "Data plane semantics"): a packet
 * walks from place to place, each step reading one table, until it is
 * delivered or dropped with a reason code. Synth-time analysis and the
 * engine's data plane both run it; neither has a copy.
 */

/** Where a packet enters the network. */
export type Start =
  | { readonly kind: "VPC"; readonly vpc: CompiledVpc; readonly table?: CompiledTable; readonly subnet?: NetSubnet }
  | { readonly kind: "IDC_SITE"; readonly site: CompiledSite }
  | { readonly kind: "DIRECT_CONNECT_GATEWAY"; readonly dc: CompiledDirectConnect };

/** What one walk found. Texts and hops are filled only when recording. */
export interface Outcome {
  readonly verdict: TraceVerdict;
  readonly reason: string;
  readonly hops: readonly TraceHop[];
  /** The network the packet reached (a VPC, IDC site or direct-connect gateway node). */
  readonly deliveredNode?: { readonly uid: number };
  readonly deliveredTo?: Place;
  readonly droppedAt?: Place;
  readonly missingRoute?: MissingRoute;
}

type Attached = { readonly ccn: CompiledCcn; readonly attachment: NetCcnAttachment };

// Step kinds; a (node, step) pair seen twice in one walk is a loop.
const VPC_OUT = 0;
const VPC_IN = 1;
const PEERING = 2;
const GW_CLOUD = 3;
const TUNNEL = 4;
const IDC_IN = 5;
const IDC_OUT = 6;
const GW_IDC = 7;
const CCN = 8;
const DC_OUT = 9;
const DC_IN = 10;
const STEP_KINDS = 16;
/** A walk never needs this many steps without revisiting; the bound only guards against bugs. */
const MAX_STEPS = 256;

type Step =
  | { readonly s: typeof VPC_OUT; readonly node: CompiledVpc; readonly table?: CompiledTable; readonly subnet?: NetSubnet }
  | { readonly s: typeof VPC_IN; readonly node: CompiledVpc; readonly via: string }
  | { readonly s: typeof PEERING; readonly node: CompiledPeering; readonly from: CompiledVpc }
  | { readonly s: typeof GW_CLOUD; readonly node: CompiledGateway; readonly from: string }
  | { readonly s: typeof TUNNEL; readonly node: CompiledConnection }
  | { readonly s: typeof IDC_IN; readonly node: CompiledSite; readonly tunnel: CompiledConnection }
  | { readonly s: typeof IDC_OUT; readonly node: CompiledSite }
  | { readonly s: typeof GW_IDC; readonly node: CompiledGateway; readonly tunnel: CompiledConnection }
  | { readonly s: typeof CCN; readonly node: CompiledCcn; readonly from: NetCcnAttachment }
  | { readonly s: typeof DC_OUT; readonly node: CompiledDirectConnect }
  | { readonly s: typeof DC_IN; readonly node: CompiledDirectConnect };

interface Done {
  readonly done: Outcome;
}

/**
 * Walk one packet. With `record` false only the verdict and the delivered
 * node are computed (no hop list, no texts): the matrix runs millions of these.
 */
export function walk(
  net: CompiledNetwork,
  start: Start,
  src: number,
  dst: number,
  record: boolean,
  dstBlock?: string,
): Outcome {
  return new Walker(net, src, dst, record, dstBlock).run(start);
}

function contains(cidrs: readonly Cidr[], ip: number): boolean {
  for (const c of cidrs) if (c.start <= ip && ip <= c.end) return true;
  return false;
}

function list(cidrs: readonly Cidr[]): string {
  return cidrs.map((c) => c.network).join(", ") || "none";
}

class Walker {
  private readonly hops: TraceHop[] | undefined;
  private readonly visited: number[] = [];

  constructor(
    private readonly net: CompiledNetwork,
    private readonly src: number,
    private readonly dst: number,
    record: boolean,
    private readonly dstBlock?: string,
  ) {
    this.hops = record ? [] : undefined;
  }

  public run(start: Start): Outcome {
    let step: Step =
      start.kind === "VPC"
        ? { s: VPC_OUT, node: start.vpc, table: start.table, subnet: start.subnet }
        : start.kind === "IDC_SITE"
          ? { s: IDC_OUT, node: start.site }
          : { s: DC_OUT, node: start.dc };
    for (let n = 0; ; n++) {
      const key = step.node.uid * STEP_KINDS + step.s;
      if (this.visited.includes(key) || n >= MAX_STEPS) return this.loop(step).done;
      this.visited.push(key);
      const next = this.step(step);
      if ("done" in next) return next.done;
      step = next;
    }
  }

  private step(step: Step): Step | Done {
    switch (step.s) {
      case VPC_OUT:
        return this.vpcOut(step.node, step.table, step.subnet);
      case VPC_IN:
        return this.vpcIn(step.node, step.via);
      case PEERING:
        return this.peering(step.node, step.from);
      case GW_CLOUD:
        return this.gatewayFromCloud(step.node, step.from);
      case TUNNEL:
        return this.tunnel(step.node);
      case IDC_IN:
        return this.siteIn(step.node, step.tunnel);
      case IDC_OUT:
        return this.siteOut(step.node);
      case GW_IDC:
        return this.gatewayFromIdc(step.node, step.tunnel);
      case CCN:
        return this.ccn(step.node, step.from);
      case DC_OUT:
        return this.directConnectOut(step.node);
      case DC_IN:
        return this.directConnectIn(step.node);
    }
  }

  // ---- VPC -------------------------------------------------------------------------------

  private vpcOut(vpc: CompiledVpc, table: CompiledTable | undefined, subnet: NetSubnet | undefined): Step | Done {
    const at = (): Place => (subnet ? subnetPlace(subnet) : vpcPlace(vpc));
    if (contains(vpc.cidrs, this.dst)) {
      this.hop(at, () => `${this.dstText} is inside VPC ${vpc.vpc.name}: local delivery`, () => ({
        table: "LOCAL",
        tableId: vpc.vpc.id,
      }));
      return this.deliverInVpc(vpc);
    }
    const explicit = table?.routes.match(this.dst);
    const learned = this.bestCcnRoute(vpc.ccns);
    if (!explicit && !learned) {
      const tableId = table?.table.id ?? vpc.vpc.id;
      const tableName = table ? `route table ${table.table.id}` : `VPC ${vpc.vpc.name} (no route table)`;
      return this.drop("NO_ROUTE", at, () => ({ table: "ROUTE_TABLE", tableId, tableName }), () =>
        `${tableName} of VPC ${vpc.vpc.name} has no route to ${this.dstText}` +
        (vpc.ccns.length > 0 ? " and no attached CCN has learned one" : "") +
        `: add a route to ${this.block()} whose next hop is the peering, VPN gateway or CCN that leads there.`,
      );
    }
    if (explicit && table && (!learned || explicit.cidr.prefix >= learned.entry.cidr.prefix)) {
      return this.followTableEntry(vpc, table, explicit, at);
    }
    const { entry, attached } = learned!;
    this.hop(at, () => `to CCN ${attached.ccn.ccn.name} (route learned from ${entry.values[0].attachment.instance})`, () => ({
      table: "ROUTE_TABLE",
      tableId: table?.table.id ?? vpc.vpc.id,
      entryId: entry.values[0].attachment.id,
      destinationCidr: entry.cidr.network,
      nextHop: attached.ccn.ccn.id,
      note: "learned from the CCN the VPC is attached to",
    }));
    return { s: CCN, node: attached.ccn, from: attached.attachment };
  }

  private followTableEntry(
    vpc: CompiledVpc,
    table: CompiledTable,
    entry: PrefixEntry<TableEntryValue>,
    at: () => Place,
  ): Step | Done {
    const value = entry.values[0];
    if (value.kind === "PUBLISHED") {
      const gw = value.gateway;
      this.hop(at, () => `to VPN gateway ${gw.gateway.name} (route published by the gateway)`, () => ({
        table: "ROUTE_TABLE",
        tableId: table.table.id,
        entryId: value.gatewayRoute.id,
        destinationCidr: entry.cidr.network,
        nextHop: gw.gateway.id,
        note: "published to the VPC by VPN gateway route " + value.gatewayRoute.id,
      }));
      return { s: GW_CLOUD, node: gw, from: vpc.vpc.name };
    }
    const route = value.route;
    const tableEntry = (): TableEntry => ({
      table: "ROUTE_TABLE",
      tableId: table.table.id,
      entryId: route.id,
      destinationCidr: entry.cidr.network,
      nextHop: route.nextHop,
    });
    const invalid = (why: string): Done =>
      this.drop(
        "INVALID_NEXT_HOP",
        at,
        undefined,
        () =>
          `route ${route.id} in route table ${table.table.id} sends ${entry.cidr.network} to ${route.nextHopType} ${route.nextHop}, ` +
          `but ${why}: point it at a next hop of VPC ${vpc.vpc.name}.`,
        () => tableEntry(),
      );
    switch (route.nextHopType) {
      case "PEERING": {
        const peering = this.net.peerings.get(route.nextHop);
        if (!peering) return invalid("no such peering connection exists");
        if (peering.requester !== vpc && peering.accepter !== vpc) return invalid(`the peering does not connect VPC ${vpc.vpc.name}`);
        this.hop(at, () => `to peering ${peering.peering.name}`, () => tableEntry());
        return { s: PEERING, node: peering, from: vpc };
      }
      case "VPN_GATEWAY": {
        const gw = this.net.gateways.get(route.nextHop);
        if (!gw) return invalid("no such VPN gateway exists");
        if (gw.vpc !== vpc) return invalid(`that gateway is not a VPC-type gateway of VPC ${vpc.vpc.name}`);
        this.hop(at, () => `to VPN gateway ${gw.gateway.name}`, () => tableEntry());
        return { s: GW_CLOUD, node: gw, from: vpc.vpc.name };
      }
      case "CCN": {
        const attached = vpc.ccns.find((a) => a.ccn.ccn.id === route.nextHop);
        if (!attached) return invalid("the VPC is not attached to that CCN");
        this.hop(at, () => `to CCN ${attached.ccn.ccn.name}`, () => tableEntry());
        return { s: CCN, node: attached.ccn, from: attached.attachment };
      }
    }
  }

  private vpcIn(vpc: CompiledVpc, via: string): Step | Done {
    const at = (): Place => vpcPlace(vpc);
    if (contains(vpc.cidrs, this.dst)) {
      this.hop(at, () => `${this.dstText} is inside VPC ${vpc.vpc.name}`, () => ({ table: "LOCAL", tableId: vpc.vpc.id }));
      return this.deliverInVpc(vpc);
    }
    return this.drop("NON_TRANSITIVE", at, undefined, () =>
      `${this.dstText} is not in VPC ${vpc.vpc.name} (${list(vpc.cidrs)}); traffic arriving from ${via} is delivered only to ` +
      `the VPC's own CIDRs and never forwarded onward (peering, VPN gateways and CCN do not transit through a VPC): ` +
      `connect the source to the destination's network directly.`,
    );
  }

  private deliverInVpc(vpc: CompiledVpc): Done {
    const subnet = this.hops ? vpc.subnets.match(this.dst)?.values[0] : undefined;
    return this.deliver(vpc, () => (subnet ? subnetPlace(subnet) : vpcPlace(vpc)));
  }

  private peering(p: CompiledPeering, from: CompiledVpc): Step | Done {
    const at = (): Place => ({ kind: "PEERING", id: p.peering.id, name: p.peering.name });
    if (p.peering.state !== "ACTIVE") {
      return this.drop("PEERING_NOT_ACTIVE", at, undefined, () =>
        `peering ${p.peering.name} is ${p.peering.state}, not ACTIVE: ` + peeringAdvice(p.peering.state),
      );
    }
    const other = p.requester === from ? p.accepter : p.requester;
    if (!other) {
      return this.drop("INVALID_NEXT_HOP", at, undefined, () =>
        `peering ${p.peering.name} leads to a VPC that does not exist in this network.`,
      );
    }
    this.hop(at, () => `across peering to VPC ${other.vpc.name}`, () => ({ table: "PEERING", tableId: p.peering.id, nextHop: other.vpc.id }));
    return { s: VPC_IN, node: other, via: `peering ${p.peering.name}` };
  }

  // ---- VPN gateway -----------------------------------------------------------------------

  private gatewayFromCloud(gw: CompiledGateway, from: string): Step | Done {
    const at = (): Place => gatewayPlace(gw);
    if (!gw.gateway.available) {
      return this.drop("GATEWAY_UNAVAILABLE", at, undefined, () =>
        `VPN gateway ${gw.gateway.name} is not AVAILABLE yet (still being provisioned): wait for it, nothing passes through it until then.`,
      );
    }
    const spd = this.matchSpd(gw.spdConnections, "cloud");
    if (spd) {
      this.hop(at, () => `SPD policy of connection ${spd.connection.name} matches ${this.srcText} → ${this.dstText}`, () => ({
        table: "SPD_POLICY",
        tableId: spd.connection.id,
        entryId: spd.connection.id,
        nextHop: spd.connection.id,
        note: "policy (SPD) matches win over the route table",
      }));
      return { s: TUNNEL, node: spd };
    }
    const entry = gw.routes.match(this.dst);
    if (!entry) {
      return this.drop("NO_ROUTE", at, () => ({ table: "VPN_GATEWAY_ROUTES", tableId: gw.gateway.id, tableName: `VPN gateway ${gw.gateway.name}` }), () =>
        `VPN gateway ${gw.gateway.name} (reached from ${from}) has no SPD policy and no route to ${this.dstText}: ` +
        `add a gateway route to ${this.block()} through the connection that leads there.`,
      );
    }
    return this.selectGatewayRoute(gw, entry, at);
  }

  /**
   * Among the routes of the longest prefix: the most preferred one whose
   * connection route selection believes usable; if none is, the preferred
   * route stays in place (and its packets are lost if the tunnel is down).
   */
  private selectGatewayRoute(gw: CompiledGateway, entry: PrefixEntry<NetGatewayRoute>, at: () => Place): Step | Done {
    const valid: Array<{ route: NetGatewayRoute; tunnel: CompiledConnection }> = [];
    for (const route of entry.values) {
      const tunnel = this.net.connections.get(route.connection);
      if (tunnel && tunnel.gateway === gw) valid.push({ route, tunnel });
    }
    if (valid.length === 0) {
      const route = entry.values[0];
      return this.drop("INVALID_NEXT_HOP", at, undefined, () =>
        `gateway route ${route.id} of VPN gateway ${gw.gateway.name} sends ${entry.cidr.network} to connection ${route.connection}, ` +
        `which is not a connection of this gateway: a route's next hop must be a connection on the same gateway.`,
      );
    }
    const usable = valid.find((v) => v.tunnel.connection.routable);
    const chosen = usable ?? valid[0];
    this.hop(at, () => `route ${entry.cidr.network} → connection ${chosen.tunnel.connection.name}`, () => ({
      table: "VPN_GATEWAY_ROUTES",
      tableId: gw.gateway.id,
      entryId: chosen.route.id,
      destinationCidr: entry.cidr.network,
      nextHop: chosen.tunnel.connection.id,
      note: selectionNote(valid.length, chosen.route.rank, chosen === valid[0], usable !== undefined),
    }));
    return { s: TUNNEL, node: chosen.tunnel };
  }

  private tunnel(t: CompiledConnection): Step | Done {
    const at = (): Place => connectionPlace(t);
    if (!t.connection.tunnelUp) {
      return this.drop("TUNNEL_DOWN", at, undefined, () => `the tunnel of connection ${t.connection.name} is down (${tunnelDownCause(t)}); the packet is lost.`);
    }
    const site = t.site;
    if (!site) {
      return this.drop("NO_ROUTE", at, undefined, () =>
        `customer gateway ${t.customerGateway?.name ?? t.connection.customerGateway} of connection ${t.connection.name} belongs to no IDC site, ` +
        `so no network is known behind it: register the device with IdcSite.addDevice.`,
      );
    }
    this.hop(at, () => `through the tunnel to IDC ${site.site.name}`, () => ({
      table: "VPN_TUNNEL",
      tableId: t.connection.id,
      nextHop: site.site.id,
      note: `customer gateway ${t.customerGateway?.name ?? t.connection.customerGateway}`,
    }));
    return { s: IDC_IN, node: site, tunnel: t };
  }

  private gatewayFromIdc(gw: CompiledGateway, t: CompiledConnection): Step | Done {
    const at = (): Place => gatewayPlace(gw);
    if (!gw.gateway.available) {
      return this.drop("GATEWAY_UNAVAILABLE", at, undefined, () => `VPN gateway ${gw.gateway.name} is not AVAILABLE yet (still being provisioned).`);
    }
    if (t.connection.routeType === "SPD") return this.admitSpd(gw, t, at);
    const localVpc = gw.vpc && contains(gw.vpc.cidrs, this.dst) ? gw.vpc : undefined;
    const routed = gw.routes.match(this.dst);
    const learned = gw.gateway.type === "CCN" ? this.bestCcnRoute(gw.ccns) : undefined;
    const localPrefix = localVpc ? longestContaining(localVpc.cidrs, this.dst) : -1;
    const routedPrefix = routed ? routed.cidr.prefix : -1;
    const learnedPrefix = learned ? learned.entry.cidr.prefix : -1;
    if (localVpc && localPrefix >= routedPrefix && localPrefix >= learnedPrefix) {
      this.hop(at, () => `into VPC ${localVpc.vpc.name}, the gateway's VPC`, () => ({ table: "LOCAL", tableId: gw.gateway.id, nextHop: localVpc.vpc.id }));
      return { s: VPC_IN, node: localVpc, via: `VPN gateway ${gw.gateway.name}` };
    }
    if (routed && routedPrefix >= learnedPrefix) return this.selectGatewayRoute(gw, routed, at);
    if (learned) {
      const { entry, attached } = learned;
      this.hop(at, () => `to CCN ${attached.ccn.ccn.name}`, () => ({
        table: "CCN_ROUTES",
        tableId: attached.ccn.ccn.id,
        destinationCidr: entry.cidr.network,
        nextHop: attached.ccn.ccn.id,
        note: "a CCN-type gateway attached to a CCN forwards by the CCN's routes",
      }));
      return { s: CCN, node: attached.ccn, from: attached.attachment };
    }
    return this.drop("NO_ROUTE", at, () => ({ table: "VPN_GATEWAY_ROUTES", tableId: gw.gateway.id, tableName: `VPN gateway ${gw.gateway.name}` }), () =>
      `VPN gateway ${gw.gateway.name} has no route to ${this.dstText} for traffic from IDC ${t.site?.site.name ?? "?"}` +
      (gw.gateway.type === "CCN" && gw.ccns.length === 0
        ? ": a CCN-type gateway not attached to a CCN reaches only its own IDCs; attach it to a CCN to reach cloud networks."
        : gw.vpc
          ? `: it delivers only into VPC ${gw.vpc.vpc.name} (${list(gw.vpc.cidrs)}) and to the destinations of its routes.`
          : ": add a gateway route to it or attach the gateway to a CCN that has one."),
    );
  }

  /** Traffic from an IDC through an SPD connection: admitted only src ∈ remote, dst ∈ local, and never routed onward. */
  private admitSpd(gw: CompiledGateway, t: CompiledConnection, at: () => Place): Step | Done {
    if (!this.matchSpd([t], "idc")) {
      return this.drop("SPD_MISMATCH", at, undefined, () =>
        `connection ${t.connection.name} is SPD-based and admits only ${t.policies
          .map((p) => `${list(p.remote)} → ${list(p.local)}`)
          .join("; ")}; ${this.srcText} → ${this.dstText} matches none of its policies. ` +
        `SPD gives no transit between IDCs: use route-table mode (routeType ROUTE with gateway routes) for that.`,
      );
    }
    const note = "admitted by the SPD policy; SPD traffic is not routed onward";
    if (gw.vpc) {
      const vpc = gw.vpc;
      this.hop(at, () => `SPD policy admits it; into VPC ${vpc.vpc.name}`, () => ({ table: "SPD_POLICY", tableId: t.connection.id, nextHop: vpc.vpc.id, note }));
      return { s: VPC_IN, node: vpc, via: `VPN gateway ${gw.gateway.name}` };
    }
    const learned = this.bestCcnRoute(gw.ccns);
    if (learned) {
      this.hop(at, () => `SPD policy admits it; to CCN ${learned.attached.ccn.ccn.name}`, () => ({
        table: "SPD_POLICY",
        tableId: t.connection.id,
        nextHop: learned.attached.ccn.ccn.id,
        note,
      }));
      return { s: CCN, node: learned.attached.ccn, from: learned.attached.attachment };
    }
    return this.drop("NO_ROUTE", at, undefined, () =>
      `VPN gateway ${gw.gateway.name} admitted the packet by SPD but has no VPC and no CCN route to ${this.dstText}.`,
    );
  }

  private matchSpd(tunnels: readonly CompiledConnection[], direction: "cloud" | "idc"): CompiledConnection | undefined {
    let best: CompiledConnection | undefined;
    let bestPrefix = -1;
    for (const t of tunnels) {
      for (const p of t.policies) {
        const inner = direction === "cloud" ? p.remote : p.local;
        const outer = direction === "cloud" ? p.local : p.remote;
        if (!contains(outer, this.src)) continue;
        const prefix = longestContaining(inner, this.dst);
        if (prefix > bestPrefix) {
          best = t;
          bestPrefix = prefix;
        }
      }
    }
    return best;
  }

  // ---- IDC site --------------------------------------------------------------------------

  private siteIn(site: CompiledSite, t: CompiledConnection): Step | Done {
    const at = (): Place => sitePlace(site);
    if (contains(site.cidrs, this.dst)) {
      this.hop(at, () => `${this.dstText} is inside IDC ${site.site.name}`, () => ({ table: "LOCAL", tableId: site.site.id }));
      return this.deliver(site, at);
    }
    this.hop(at, () => `${this.dstText} is not in IDC ${site.site.name} (${list(site.cidrs)}); the site routes it on`, () => ({
      table: "LOCAL",
      tableId: site.site.id,
      note: `arrived through connection ${t.connection.name}`,
    }));
    return { s: IDC_OUT, node: site };
  }

  private siteOut(site: CompiledSite): Step | Done {
    const at = (): Place => sitePlace(site);
    if (contains(site.cidrs, this.dst)) {
      this.hop(at, () => `${this.dstText} is inside IDC ${site.site.name}: local delivery`, () => ({ table: "LOCAL", tableId: site.site.id }));
      return this.deliver(site, at);
    }
    const entry = site.tunnelRoutes.matchWhere(this.dst, (r) => r.connection.connection.tunnelUp);
    if (!entry) {
      const covering = site.tunnelRoutes.match(this.dst);
      // A tunnel that exists but is down is not a missing route: name one only when no selector covers dst.
      const missing = covering ? undefined : () => ({ table: "IDC_TUNNELS" as const, tableId: site.site.id, tableName: `IDC ${site.site.name}` });
      return this.drop("NO_TUNNEL", at, missing, () =>
        covering
          ? `IDC ${site.site.name}: the tunnels toward ${covering.cidr.network} (${covering.values
              .map((v) => v.connection.connection.name)
              .join(", ")}) are all down (${covering.values.map((v) => tunnelDownCause(v.connection)).join("; ")}).`
          : `IDC ${site.site.name} has no tunnel whose selectors cover ${this.dstText}: ` + noTunnelAdvice(site),
      );
    }
    const chosen = entry.values[0];
    const t = chosen.connection;
    const gw = t.gateway;
    if (!gw) {
      return this.drop("INVALID_NEXT_HOP", at, undefined, () => `connection ${t.connection.name} is on a VPN gateway that does not exist.`);
    }
    this.hop(at, () => `into the tunnel of connection ${t.connection.name} toward VPN gateway ${gw.gateway.name}`, () => ({
      table: "IDC_TUNNELS",
      tableId: site.site.id,
      entryId: t.connection.id,
      destinationCidr: entry.cidr.network,
      nextHop: gw.gateway.id,
      note: `${chosen.learnedFrom}; ${entry.values.length > 1 ? "preferred of " + entry.values.length + " usable tunnels" : "only usable tunnel"}`,
    }));
    return { s: GW_IDC, node: gw, tunnel: t };
  }

  // ---- CCN and direct connect -----------------------------------------------------------

  private ccn(ccn: CompiledCcn, from: NetCcnAttachment): Step | Done {
    const at = (): Place => ({ kind: "CCN", id: ccn.ccn.id, name: ccn.ccn.name });
    const entry = ccn.routes.matchWhere(this.dst, (r) => r.attachment.id !== from.id);
    if (!entry) {
      return this.drop("NO_ROUTE", at, () => ({ table: "CCN_ROUTES", tableId: ccn.ccn.id, tableName: `CCN ${ccn.ccn.name}` }), () =>
        `CCN ${ccn.ccn.name} has learned no route to ${this.dstText} from its attachments: attach the network that owns ${this.block()} ` +
        `(its VPC, the VPN gateway with a route to it, or its direct-connect gateway).`,
      );
    }
    const route: CcnRoute = entry.values[0];
    const target = route.target;
    this.hop(at, () => `route ${entry.cidr.network} → ${target.kind} ${route.attachment.instance}`, () => ({
      table: "CCN_ROUTES",
      tableId: ccn.ccn.id,
      entryId: route.attachment.id,
      destinationCidr: entry.cidr.network,
      nextHop: route.attachment.instance,
      note: `learned from attachment ${route.attachment.id}`,
    }));
    switch (target.kind) {
      case "VPC":
        return { s: VPC_IN, node: target.node, via: `CCN ${ccn.ccn.name}` };
      case "VPN_GATEWAY":
        return { s: GW_CLOUD, node: target.node, from: `CCN ${ccn.ccn.name}` };
      case "DIRECT_CONNECT_GATEWAY":
        return { s: DC_IN, node: target.node };
    }
  }

  private directConnectOut(dc: CompiledDirectConnect): Step | Done {
    const at = (): Place => dcPlace(dc);
    if (contains(dc.prefixes, this.dst)) {
      this.hop(at, () => `${this.dstText} is on the on-premises side of ${dc.gateway.name}: local delivery`, () => ({ table: "LOCAL", tableId: dc.gateway.id }));
      return this.deliver(dc, at);
    }
    const attached = dc.ccns[0];
    if (!attached) {
      return this.drop("NO_ROUTE", at, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id, tableName: `direct-connect gateway ${dc.gateway.name}` }), () =>
        `direct-connect gateway ${dc.gateway.name} is attached to no CCN, so its network reaches nothing in the cloud: attach it to a CCN.`,
      );
    }
    this.hop(at, () => `over the dedicated line to CCN ${attached.ccn.ccn.name}`, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id, nextHop: attached.ccn.ccn.id }));
    return { s: CCN, node: attached.ccn, from: attached.attachment };
  }

  private directConnectIn(dc: CompiledDirectConnect): Step | Done {
    const at = (): Place => dcPlace(dc);
    if (contains(dc.prefixes, this.dst)) {
      this.hop(at, () => `${this.dstText} is behind direct-connect gateway ${dc.gateway.name}`, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id }));
      return this.deliver(dc, at);
    }
    return this.drop("NO_ROUTE", at, undefined, () =>
      `${this.dstText} is not among the on-premises prefixes of ${dc.gateway.name} (${list(dc.prefixes)}).`,
    );
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** The longest CCN route over the given attachments, never one learned from the attachment itself. */
  private bestCcnRoute(attachments: readonly Attached[]): { entry: PrefixEntry<CcnRoute>; attached: Attached } | undefined {
    let best: { entry: PrefixEntry<CcnRoute>; attached: Attached } | undefined;
    for (const attached of attachments) {
      const own = attached.attachment.id;
      const entry = attached.ccn.routes.matchWhere(this.dst, (r) => r.attachment.id !== own);
      if (entry && (!best || entry.cidr.prefix > best.entry.cidr.prefix)) best = { entry, attached };
    }
    return best;
  }

  private get srcText(): string {
    return formatIp(this.src);
  }

  private get dstText(): string {
    return formatIp(this.dst);
  }

  /** The block to name in a missing route: the endpoint's, else the network that owns dst. */
  private block(): string {
    if (this.dstBlock) return this.dstBlock;
    const owner = this.net.owners.matchWhere(this.dst, (o) => o.kind !== "SUBNET");
    return owner ? owner.cidr.network : `${this.dstText}/32`;
  }

  private hop(at: () => Place, action: () => string, entry?: () => TableEntry): void {
    if (this.hops) this.hops.push({ at: at(), action: action(), ...(entry ? { entry: entry() } : {}) });
  }

  private deliver(node: { uid: number }, at: () => Place): Done {
    if (!this.hops) return { done: { verdict: "DELIVERED", reason: "", hops: [], deliveredNode: node } };
    const place = at();
    return {
      done: {
        verdict: "DELIVERED",
        reason: `delivered to ${place.kind.toLowerCase().replace(/_/g, " ")} ${place.name}`,
        hops: this.hops,
        deliveredNode: node,
        deliveredTo: place,
      },
    };
  }

  private drop(
    verdict: TraceVerdict,
    at: () => Place,
    missing: (() => Omit<MissingRoute, "destinationCidr">) | undefined,
    reason: () => string,
    entry?: () => TableEntry,
  ): Done {
    if (!this.hops) return { done: { verdict, reason: "", hops: [] } };
    const place = at();
    const text = reason();
    this.hops.push({ at: place, action: `dropped: ${verdict}`, ...(entry ? { entry: entry() } : {}) });
    return {
      done: {
        verdict,
        reason: text,
        hops: this.hops,
        droppedAt: place,
        ...(missing ? { missingRoute: { ...missing(), destinationCidr: this.block() } } : {}),
      },
    };
  }

  private loop(step: Step): Done {
    if (!this.hops) return { done: { verdict: "LOOP", reason: "", hops: [] } };
    const place = placeOfStep(step);
    const path = this.hops.map((h) => h.at.name).join(" → ");
    return this.drop("LOOP", () => place, undefined, () =>
      `the packet came back to ${place.kind.toLowerCase().replace(/_/g, " ")} ${place.name} where it had already been (${path} → ${place.name}): ` +
      `a route points back along the path; fix the route that sends ${this.dstText} toward ${place.name}.`,
    );
  }
}

function longestContaining(cidrs: readonly Cidr[], ip: number): number {
  let best = -1;
  for (const c of cidrs) if (c.start <= ip && ip <= c.end && c.prefix > best) best = c.prefix;
  return best;
}

function selectionNote(candidates: number, rank: number, preferred: boolean, usable: boolean): string {
  if (candidates === 1) return `rank ${rank}`;
  if (!usable) return `rank ${rank}: no route to this prefix is usable, so the preferred route stays in place`;
  return preferred ? `rank ${rank}: preferred of ${candidates} routes` : `rank ${rank}: standby, the preferred route's tunnel is detected down`;
}

function tunnelDownCause(t: CompiledConnection): string {
  if (t.customerGateway && !t.customerGateway.up) return `customer gateway ${t.customerGateway.name} is down`;
  if (t.gateway && !t.gateway.gateway.available) return `VPN gateway ${t.gateway.gateway.name} is not available`;
  return t.connection.downReason ?? "not negotiated";
}

function noTunnelAdvice(site: CompiledSite): string {
  if (site.tunnels.length === 0) return "it has no VPN connection.";
  const entries = site.tunnelRoutes.entries();
  const carried = entries.length === 0 ? "no networks" : entries.map((e) => e.cidr.network).join(", ");
  if (site.tunnels.every((t) => t.connection.routeType === "SPD")) {
    return `its SPD tunnels carry only their policies' cloud blocks (${carried}); SPD gives no transit to other networks — use route-table mode (routeType ROUTE with gateway routes) for that.`;
  }
  const unattached = site.tunnels.find((t) => t.gateway?.gateway.type === "CCN" && t.gateway.ccns.length === 0);
  return (
    `its tunnels carry ${carried}, the networks their gateways reach` +
    (unattached ? `; VPN gateway ${unattached.gateway!.gateway.name} is CCN-type and attached to no CCN, so it reaches only its own IDCs — attach it to a CCN to reach cloud networks.` : ".")
  );
}

function peeringAdvice(state: string): string {
  switch (state) {
    case "PENDING":
      return "the accepter's account must accept it (cross-account peering).";
    case "EXPIRED":
      return "it was not accepted within 7 days; re-enable it (EnableVpcPeeringConnection).";
    case "REJECTED":
      return "the accepter's account rejected it; request a new one.";
    default:
      return "traffic passes only while it is ACTIVE.";
  }
}

function vpcPlace(vpc: CompiledVpc): Place {
  return { kind: "VPC", id: vpc.vpc.id, name: vpc.vpc.name };
}

function subnetPlace(subnet: NetSubnet): Place {
  return { kind: "SUBNET", id: subnet.id, name: subnet.name };
}

function gatewayPlace(gw: CompiledGateway): Place {
  return { kind: "VPN_GATEWAY", id: gw.gateway.id, name: gw.gateway.name };
}

function connectionPlace(t: CompiledConnection): Place {
  return { kind: "VPN_CONNECTION", id: t.connection.id, name: t.connection.name };
}

function sitePlace(site: CompiledSite): Place {
  return { kind: "IDC_SITE", id: site.site.id, name: site.site.name };
}

function dcPlace(dc: CompiledDirectConnect): Place {
  return { kind: "DIRECT_CONNECT_GATEWAY", id: dc.gateway.id, name: dc.gateway.name };
}

function placeOfStep(step: Step): Place {
  switch (step.s) {
    case VPC_OUT:
    case VPC_IN:
      return vpcPlace(step.node);
    case PEERING:
      return { kind: "PEERING", id: step.node.peering.id, name: step.node.peering.name };
    case GW_CLOUD:
    case GW_IDC:
      return gatewayPlace(step.node);
    case TUNNEL:
      return connectionPlace(step.node);
    case IDC_IN:
    case IDC_OUT:
      return sitePlace(step.node);
    case CCN:
      return { kind: "CCN", id: step.node.ccn.id, name: step.node.ccn.name };
    case DC_OUT:
    case DC_IN:
      return dcPlace(step.node);
  }
}
