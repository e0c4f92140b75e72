import { NetworkModel } from "../../net/model";
import { PairVerdict, Trace } from "../../net/verdicts";

/** Kinds of node in the topology drawing. */
export type NodeKind = "VPC" | "SUBNET" | "VPN_GATEWAY" | "CUSTOMER_GATEWAY" | "IDC_SITE" | "CCN" | "DIRECT_CONNECT_GATEWAY";

/** One thing drawn as a node. */
export interface TopologyNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Lines of the label: the name first, then addressing. */
  readonly label: readonly string[];
  /** Down (a failed device or site, a provisioning gateway): drawn dashed. */
  readonly down: boolean;
}

/** One link: a tunnel, a peering, a CCN attachment, or containment. */
export interface TopologyEdge {
  /** The resource the edge stands for (a connection or peering ID), or a synthetic key for containment. */
  readonly id: string;
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
 * Graphviz (or Mermaid); this only decides what is a node, what is an edge,
 * and what a trace highlights.
 */
export function topologyOf(model: NetworkModel, pair?: PairVerdict): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (const v of model.vpcs) nodes.push({ id: v.id, kind: "VPC", label: [v.name, v.region, v.cidrs.join(", ")], down: false });
  for (const s of model.subnets) {
    nodes.push({ id: s.id, kind: "SUBNET", label: [s.name, s.cidr], down: false });
    edges.push({ id: `${s.vpc}|${s.id}`, from: s.vpc, to: s.id, down: false, structural: true });
  }
  for (const g of model.vpnGateways) {
    nodes.push({ id: g.id, kind: "VPN_GATEWAY", label: [g.name, `${g.type}-type VPN gateway${g.available ? "" : " (PENDING)"}`], down: !g.available });
    if (g.vpc) edges.push({ id: `${g.vpc}|${g.id}`, from: g.vpc, to: g.id, down: false, structural: true });
  }
  for (const s of model.idcSites) nodes.push({ id: s.id, kind: "IDC_SITE", label: [s.name, s.cidrs.join(", ")], down: false });
  for (const c of model.customerGateways) {
    nodes.push({ id: c.id, kind: "CUSTOMER_GATEWAY", label: [c.name, c.ipAddress + (c.up ? "" : " (DOWN)")], down: !c.up });
    if (c.site) edges.push({ id: `${c.site}|${c.id}`, from: c.site, to: c.id, down: false, structural: true });
  }
  for (const c of model.connections) {
    const state = c.tunnelUp ? "up" : "down";
    edges.push({ id: c.id, from: c.gateway, to: c.customerGateway, label: `${c.name} (${c.routeType}, ${state})`, down: !c.tunnelUp, structural: false });
  }
  for (const c of model.ccns) nodes.push({ id: c.id, kind: "CCN", label: [c.name, "CCN"], down: false });
  for (const a of model.ccnAttachments) edges.push({ id: a.id, from: a.ccn, to: a.instance, label: "attached", down: false, structural: false });
  for (const d of model.directConnectGateways) {
    nodes.push({ id: d.id, kind: "DIRECT_CONNECT_GATEWAY", label: [d.name, d.region, d.onPremPrefixes.join(", ")], down: false });
  }
  for (const p of model.peerings) {
    edges.push({ id: p.id, from: p.requesterVpc, to: p.accepterVpc, label: `${p.name} (${p.state})`, down: p.state !== "ACTIVE", structural: false });
  }
  const highlighted = new Set<string>();
  const dropped = new Set<string>();
  if (pair) for (const t of [pair.forward, pair.reverse]) markTrace(t, model, highlighted, dropped);
  return { nodes, edges, highlighted, dropped };
}

/** A trace's places, and the tunnels and peerings it crosses, as node and edge IDs. */
function markTrace(t: Trace, model: NetworkModel, highlighted: Set<string>, dropped: Set<string>): void {
  for (const h of t.hops) {
    highlighted.add(h.at.id);
    if (h.at.kind === "SUBNET") highlighted.add(`${model.subnets.find((s) => s.id === h.at.id)?.vpc}|${h.at.id}`);
    if (h.at.kind === "VPN_CONNECTION") {
      const c = model.connections.find((x) => x.id === h.at.id);
      if (c) highlighted.add(c.customerGateway);
    }
    if (h.entry?.entryId) highlighted.add(h.entry.entryId);
  }
  if (t.droppedAt) dropped.add(t.droppedAt.id);
}
