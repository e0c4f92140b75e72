import { NodeKind, Topology } from "./topology";

const SHAPES: Readonly<Record<NodeKind, string>> = {
  VPC: "box3d",
  SUBNET: "box",
  VPN_GATEWAY: "hexagon",
  CUSTOMER_GATEWAY: "cds",
  IDC_SITE: "house",
  CCN: "doubleoctagon",
  DIRECT_CONNECT_GATEWAY: "component",
};

const HOT = "#d62728";

/** The topology as Graphviz DOT: one node per network element, one edge per tunnel, peering or attachment; a trace in red. */
export function toDot(t: Topology): string {
  const lines = [
    "graph hybridlink {",
    '  graph [rankdir=LR, fontname="Helvetica", splines=true, nodesep=0.4];',
    '  node [fontname="Helvetica", fontsize=10, style="rounded"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of t.nodes) {
    const attrs = [`label=${quote(n.label.join("\n"))}`, `shape=${SHAPES[n.kind]}`];
    const styles = n.kind === "SUBNET" || n.kind === "VPC" ? ["rounded"] : [];
    if (n.down) styles.push("dashed");
    if (t.dropped.has(n.id)) {
      attrs.push(`fillcolor="#fde0dd"`);
      styles.push("filled");
    }
    if (t.highlighted.has(n.id)) attrs.push(`color="${HOT}"`, "penwidth=2.5");
    if (styles.length) attrs.push(`style=${quote(styles.join(","))}`);
    lines.push(`  ${quote(n.id)} [${attrs.join(", ")}];`);
  }
  for (const e of t.edges) {
    const attrs: string[] = [];
    if (e.label) attrs.push(`label=${quote(e.label)}`);
    const styles = [...(e.down ? ["dashed"] : []), ...(e.structural ? ["dotted"] : [])];
    if (styles.length) attrs.push(`style=${quote(styles.join(","))}`);
    if (t.highlighted.has(e.id)) attrs.push(`color="${HOT}"`, "penwidth=2.5", `fontcolor="${HOT}"`);
    lines.push(`  ${quote(e.from)} -- ${quote(e.to)}${attrs.length ? ` [${attrs.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** A DOT double-quoted string (newlines as \n line breaks). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
