import { NodeKind, Topology } from "./topology";

/** Mermaid node shapes by kind: [open, close]. */
const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  VPC: ["[[", "]]"],
  SUBNET: ["[", "]"],
  VPN_GATEWAY: ["{{", "}}"],
  CUSTOMER_GATEWAY: ["[/", "/]"],
  IDC_SITE: ["[(", ")]"],
  CCN: ["((", "))"],
  DIRECT_CONNECT_GATEWAY: ["[\\", "\\]"],
};

/** The topology as a Mermaid flowchart (renders in GitHub Markdown); a trace in red. */
export function toMermaid(t: Topology): string {
  const ids = new Map<string, string>();
  const idOf = (id: string): string => {
    let m = ids.get(id);
    if (!m) {
      m = `n${ids.size}_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
      ids.set(id, m);
    }
    return m;
  };
  const lines = ["flowchart LR"];
  for (const n of t.nodes) {
    const [open, close] = SHAPES[n.kind];
    lines.push(`  ${idOf(n.id)}${open}"${n.label.map(escape).join("<br/>")}"${close}`);
  }
  const hotLinks: number[] = [];
  t.edges.forEach((e, i) => {
    const arrow = e.structural ? "-.-" : e.down ? "-.-" : "---";
    lines.push(`  ${idOf(e.from)} ${arrow}${e.label ? `|"${escape(e.label)}"|` : ""} ${idOf(e.to)}`);
    if (t.highlighted.has(e.id)) hotLinks.push(i);
  });
  lines.push("  classDef hot stroke:#d62728,stroke-width:3px;", "  classDef dropped fill:#fde0dd,stroke:#d62728,stroke-width:3px;", "  classDef down stroke-dasharray:5 5;");
  const hot = t.nodes.filter((n) => t.highlighted.has(n.id) && !t.dropped.has(n.id)).map((n) => idOf(n.id));
  const dropped = t.nodes.filter((n) => t.dropped.has(n.id)).map((n) => idOf(n.id));
  const down = t.nodes.filter((n) => n.down).map((n) => idOf(n.id));
  if (hot.length) lines.push(`  class ${hot.join(",")} hot;`);
  if (dropped.length) lines.push(`  class ${dropped.join(",")} dropped;`);
  if (down.length) lines.push(`  class ${down.join(",")} down;`);
  if (hotLinks.length) lines.push(`  linkStyle ${hotLinks.join(",")} stroke:#d62728,stroke-width:3px;`);
  return `${lines.join("\n")}\n`;
}

/** Mermaid label text: quotes and angle brackets as entities. */
function escape(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}
