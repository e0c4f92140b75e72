import { NetworkModel } from "../../net/model";
import { PairVerdict, Place, Trace } from "../../net/verdicts";

/** Kinds of node in the topology drawing. */
export type NodeKind = "VPC" | "SUBNET" | "VPN_GATEWAY" | "CUSTOMER_GATEWAY" | "IDC_SITE" | "CCN" | "DIRECT_CONNECT_GATEWAY";

/**
 * Where a node is drawn: in the cloud (grouped account → region → VPC), or
 * on premises (grouped by IDC site).
 */
export type Placement =
  | { readonly zone: "cloud"; readonly account?: string; readonly region?: string; readonly vpc?: string }
  | { readonly zone: "onprem"; readonly site?: string };

/** One thing drawn as a node. */
export interface TopologyNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Lines of the label: the name first, then addressing. */
  readonly label: readonly string[];
  /** Down (a failed device or site, a provisioning gateway): drawn dashed. */
  readonly down: boolean;
  readonly placement: Placement;
}

/** One link: a tunnel, a peering, a CCN attachment, or containment. */
export interface TopologyEdge {
  /** The resource the edge stands for (a connection or peering ID), or a synthetic key for containment. */
  readonly id: string;
  /** Drawn from → to: cloud side first, so on-premises sites end up in the rightmost column. */
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** Not carrying traffic now (tunnel down, peering not ACTIVE): drawn dashed. */
  readonly down: boolean;
  /** Structure rather than a traffic link (a subnet in its VPC, a device at its site). */
  readonly structural: boolean;
}

/** The topology, with what a trace touched. */
export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  /** IDs of nodes and edges on the traced path (both directions). */
  readonly highlighted: ReadonlySet<string>;
  /** Where a traced packet was dropped. */
  readonly dropped: ReadonlySet<string>;
}

/**
 * The network model as nodes and edges, for drawing. Layout is left to
 * Graphviz (or Mermaid); this decides what is a node, what is an edge, where
 * each belongs, and what a trace highlights.
 */
export function topologyOf(model: NetworkModel, pair?: PairVerdict, keep?: (id: string) => boolean): Topology {
  const all = collect(model, pair);
  if (!keep) return all;
  // One stack's drawing: its nodes, and the links between two of them.
  const nodes = all.nodes.filter((n) => keep(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  return { ...all, nodes, edges: all.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}

function collect(model: NetworkModel, pair?: PairVerdict): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const vpcOf = new Map(model.vpcs.map((v) => [v.id, v]));
  for (const v of model.vpcs) {
    nodes.push({ id: v.id, kind: "VPC", label: [v.name, v.cidrs.join(", ")], down: false, placement: { zone: "cloud", account: v.account, region: v.region, vpc: v.id } });
  }
  for (const s of model.subnets) {
    const v = vpcOf.get(s.vpc);
    nodes.push({ id: s.id, kind: "SUBNET", label: [s.name, s.cidr], down: false, placement: { zone: "cloud", account: v?.account, region: v?.region, vpc: s.vpc } });
    edges.push({ id: `${s.vpc}|${s.id}`, from: s.vpc, to: s.id, down: false, structural: true });
  }
  for (const g of model.vpnGateways) {
    const v = g.vpc ? vpcOf.get(g.vpc) : undefined;
    const label = [g.name, `${g.type}-type VPN gateway${g.available ? "" : " (PENDING)"}`];
    nodes.push({ id: g.id, kind: "VPN_GATEWAY", label, down: !g.available, placement: { zone: "cloud", account: v?.account, region: g.region, vpc: g.vpc } });
    if (g.vpc) edges.push({ id: `${g.vpc}|${g.id}`, from: g.vpc, to: g.id, down: false, structural: true });
  }
  for (const s of model.idcSites) nodes.push({ id: s.id, kind: "IDC_SITE", label: [s.name, s.cidrs.join(", ")], down: false, placement: { zone: "onprem", site: s.id } });
  for (const c of model.customerGateways) {
    nodes.push({ id: c.id, kind: "CUSTOMER_GATEWAY", label: [c.name, c.ipAddress + (c.up ? "" : " (DOWN)")], down: !c.up, placement: { zone: "onprem", site: c.site } });
    // Device → site, so the site is drawn beyond its devices (the rightmost column), not between cloud and tunnels.
    if (c.site) edges.push({ id: `${c.site}|${c.id}`, from: c.id, to: c.site, down: false, structural: true });
  }
  for (const c of model.connections) {
    const state = c.tunnelUp ? "up" : "down";
    edges.push({ id: c.id, from: c.gateway, to: c.customerGateway, label: `${c.name} (${c.routeType}, ${state})`, down: !c.tunnelUp, structural: false });
  }
  for (const c of model.ccns) nodes.push({ id: c.id, kind: "CCN", label: [c.name, "CCN"], down: false, placement: { zone: "cloud" } });
  for (const a of model.ccnAttachments) edges.push({ id: a.id, from: a.ccn, to: a.instance, label: "attached", down: false, structural: false });
  for (const d of model.directConnectGateways) {
    nodes.push({ id: d.id, kind: "DIRECT_CONNECT_GATEWAY", label: [d.name, d.onPremPrefixes.join(", ")], down: false, placement: { zone: "cloud", region: d.region } });
  }
  for (const p of model.peerings) {
    edges.push({ id: p.id, from: p.requesterVpc, to: p.accepterVpc, label: `${p.name} (${p.state})`, down: p.state !== "ACTIVE", structural: false });
  }
  const highlighted = new Set<string>();
  const dropped = new Set<string>();
  if (pair) for (const t of [pair.forward, pair.reverse]) markTrace(t, model, edges, highlighted, dropped);
  return { nodes, edges, highlighted, dropped };
}

/**
 * A trace's whole path: every place it passed, and the links between
 * consecutive places — directly, or through the VPC that holds the first
 * (a subnet's packet leaves through its VPC's route table). A VPN connection
 * is its tunnel edge plus the device and the device's link to its site.
 */
function markTrace(t: Trace, model: NetworkModel, edges: readonly TopologyEdge[], highlighted: Set<string>, dropped: Set<string>): void {
  const nodesOf = (p: Place): string[] => {
    if (p.kind === "VPN_CONNECTION") {
      const c = model.connections.find((x) => x.id === p.id);
      return c ? [c.gateway, c.customerGateway] : [];
    }
    if (p.kind === "PEERING") {
      const peering = model.peerings.find((x) => x.id === p.id);
      return peering ? [peering.requesterVpc, peering.accepterVpc] : [];
    }
    return [p.id];
  };
  const containerOf = (id: string): string | undefined => model.subnets.find((s) => s.id === id)?.vpc ?? model.vpnGateways.find((g) => g.id === id)?.vpc;
  const link = (a: string, b: string): boolean => {
    const e = edges.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a));
    if (e) highlighted.add(e.id);
    return e !== undefined;
  };
  const places = t.hops.map((h) => nodesOf(h.at));
  places.forEach((ids, i) => {
    for (const id of ids) highlighted.add(id);
    // Within a connection: its tunnel edge, and the device's link to its site.
    if (ids.length === 2) link(ids[0], ids[1]);
    const next = places[i + 1];
    if (!next) return;
    let direct = false;
    for (const a of ids) for (const b of next) direct = a === b || link(a, b) || direct;
    if (direct) return;
    // Through the VPC that holds either end (subnet → VPC → gateway, gateway → VPC → peering).
    for (const a of ids) {
      for (const b of next) {
        const via = containerOf(a) ?? containerOf(b);
        if (via && (via === a || link(a, via)) && (via === b || link(via, b))) highlighted.add(via);
      }
    }
  });
  for (const h of t.hops) if (h.entry?.entryId) highlighted.add(h.entry.entryId);
  if (t.droppedAt) dropped.add(t.droppedAt.id);
}
