import { profileOfRegion } from "../../core/profiles";
import { NodeKind, Topology, TopologyNode } from "./topology";

const SHAPES: Readonly<Record<NodeKind, string>> = {
  VPC: "box3d",
  SUBNET: "box",
  VPN_GATEWAY: "hexagon",
  CUSTOMER_GATEWAY: "cds",
  IDC_SITE: "house",
  CCN: "doubleoctagon",
  DIRECT_CONNECT_GATEWAY: "component",
};

/** The traced path, in one colour end to end. */
export const HOT = "#d62728";
const DROPPED_FILL = "#fde0dd";
const CLOUD_FILL = "#f3f7fc";
const ONPREM_FILL = "#f7f5ef";

/** What the drawing is of: the cloud's name for the cloud cluster (Tencent Cloud…). */
export interface DotOptions {
  readonly cloud?: string;
}

/**
 * The topology as Graphviz DOT, left to right: the cloud (account → region →
 * VPC clusters), the tunnels between, then the on-premises sites with their
 * devices; a legend for colours, line styles and states; a trace in red.
 */
export function toDot(t: Topology, options: DotOptions = {}): string {
  const lines = [
    "graph hybridlink {",
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, splines=true, nodesep=0.35, ranksep=0.9, newrank=true];',
    '  node [fontname="Helvetica", fontsize=10, style="rounded", margin="0.12,0.06"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const cloud = t.nodes.filter((n) => n.placement.zone === "cloud");
  const onprem = t.nodes.filter((n) => n.placement.zone === "onprem");
  // One cluster per cloud (a store may hold Tencent and Alibaba stacks side by side): by the region's cloud.
  const byCloud = groupBy(cloud, (n) => profileOfRegion(cloudOf(n).region)?.displayName ?? options.cloud ?? "Cloud");
  for (const [name, members] of byCloud) lines.push(...cluster(`cloud_${name}`, name, CLOUD_FILL, cloudBody(members, t), "  "));
  if (onprem.length) lines.push(...cluster("onprem", "On premises", ONPREM_FILL, onpremBody(onprem, t), "  "));
  for (const e of t.edges) {
    const attrs: string[] = [];
    if (e.label) attrs.push(`label=${quote(e.label)}`);
    const styles = [...(e.down ? ["dashed"] : []), ...(e.structural ? ["dotted"] : [])];
    if (styles.length) attrs.push(`style=${quote(styles.join(","))}`);
    if (t.highlighted.has(e.id)) attrs.push(`color="${HOT}"`, "penwidth=2.5", `fontcolor="${HOT}"`);
    lines.push(`  ${quote(e.from)} -- ${quote(e.to)}${attrs.length ? ` [${attrs.join(", ")}]` : ""};`);
  }
  lines.push(...legend(t));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Cloud nodes grouped account → region → VPC; CCNs and nodes without an account at the cloud level. */
function cloudBody(nodes: readonly TopologyNode[], t: Topology): string[] {
  const out: string[] = [];
  const loose = nodes.filter((n) => n.placement.zone === "cloud" && n.placement.account === undefined && n.placement.region === undefined);
  out.push(...loose.map((n) => nodeLine(n, t)));
  const byRegionOnly = groupBy(nodes.filter((n) => n.placement.zone === "cloud" && n.placement.account === undefined && n.placement.region !== undefined), (n) => cloudOf(n).region!);
  for (const [region, members] of byRegionOnly) out.push(...cluster(`region_${region}`, `region ${region}`, undefined, members.map((n) => nodeLine(n, t)), ""));
  const byAccount = groupBy(nodes.filter((n) => cloudOf(n).account !== undefined), (n) => cloudOf(n).account!);
  for (const [account, members] of byAccount) {
    const regions: string[] = [];
    for (const [region, inRegion] of groupBy(members, (n) => cloudOf(n).region ?? "")) {
      const body: string[] = [];
      for (const [vpc, inVpc] of groupBy(inRegion, (n) => cloudOf(n).vpc ?? "")) {
        const lines = inVpc.map((n) => nodeLine(n, t));
        if (vpc) body.push(...cluster(`vpc_${vpc}`, "", "#ffffff", lines, ""));
        else body.push(...lines);
      }
      regions.push(...cluster(`region_${account}_${region}`, region ? `region ${region}` : "no region", undefined, body, ""));
    }
    out.push(...cluster(`account_${account}`, `account ${account}`, undefined, regions, ""));
  }
  return out;
}

/** On-premises nodes grouped by IDC site (the site and its devices). */
function onpremBody(nodes: readonly TopologyNode[], t: Topology): string[] {
  const out: string[] = [];
  for (const [site, members] of groupBy(nodes, (n) => (n.placement.zone === "onprem" ? (n.placement.site ?? "") : ""))) {
    const lines = members.map((n) => nodeLine(n, t));
    const name = t.nodes.find((n) => n.id === site)?.label[0];
    if (site) out.push(...cluster(`site_${site}`, name ? `IDC ${name}` : "", undefined, lines, ""));
    else out.push(...lines);
  }
  return out;
}

function nodeLine(n: TopologyNode, t: Topology): string {
  const attrs = [`label=${quote(n.label.join("\n"))}`, `shape=${SHAPES[n.kind]}`];
  const styles = n.kind === "SUBNET" || n.kind === "VPC" ? ["rounded"] : [];
  if (n.down) styles.push("dashed");
  if (t.dropped.has(n.id)) {
    attrs.push(`fillcolor="${DROPPED_FILL}"`);
    styles.push("filled");
  } else {
    attrs.push('fillcolor="#ffffff"');
    styles.push("filled");
  }
  if (t.highlighted.has(n.id)) attrs.push(`color="${HOT}"`, "penwidth=2.5");
  attrs.push(`style=${quote(styles.join(","))}`);
  return `${quote(n.id)} [${attrs.join(", ")}];`;
}

/** A legend node: what colours, line styles and shapes mean (an HTML-like table Graphviz sizes itself). */
function legend(t: Topology): string[] {
  const rows = [
    ["solid line", "tunnel up, peering ACTIVE, CCN attachment"],
    ["dashed line or box", "down: tunnel or device down, peering not ACTIVE, gateway PENDING"],
    ["dotted line", "belongs to: subnet in VPC, gateway in VPC, device at site"],
    ...(t.highlighted.size ? [[`<font color="${HOT}">red</font>`, `<font color="${HOT}">the traced path, both ways</font>`]] : []),
    ...(t.dropped.size ? [["pink fill", "where the traced packet was dropped"]] : []),
    ["box3d / box", "VPC / subnet"],
    ["hexagon / cds", "VPN gateway / customer gateway (IDC device)"],
    ["house / doubleoctagon", "IDC site / CCN"],
  ];
  const cells = rows.map(([k, v]) => `<tr><td align="left">${k}</td><td align="left">${v}</td></tr>`).join("");
  return [
    `  subgraph cluster_legend { label="legend"; style="rounded"; color="#999999"; fontsize=10;`,
    `    "legend" [shape=plain, fontsize=9, label=<<table border="0" cellborder="0" cellspacing="2">${cells}</table>>];`,
    "  }",
  ];
}

function cluster(id: string, label: string, fill: string | undefined, body: readonly string[], indent: string): string[] {
  const style = fill ? `style="rounded,filled"; fillcolor="${fill}"` : `style="rounded"`;
  return [`${indent}subgraph ${quote(`cluster_${id}`)} { label=${quote(label)}; ${style}; color="#8a8a8a";`, ...body.map((l) => `${indent}  ${l}`), `${indent}}`];
}

function cloudOf(n: TopologyNode): { account?: string; region?: string; vpc?: string } {
  return n.placement.zone === "cloud" ? n.placement : {};
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/** A DOT double-quoted string (newlines as \n line breaks). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
