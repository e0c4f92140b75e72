import { PairVerdict, Trace, TraceHop } from "../../net/verdicts";
import { Colors } from "./colors";
import { renderTable } from "./table";

/**
 * A pair verdict for people: the verdict line with its reason, then each
 * direction as a hop table (where the packet was, what it did, the table
 * entry that decided it, and why that entry), then why it stopped.
 */
export function renderPair(pair: PairVerdict, c: Colors): string {
  const verdict = pair.verdict === "REACHABLE" ? c.green(pair.verdict) : pair.verdict === "ONE_WAY" ? c.yellow(pair.verdict) : c.red(pair.verdict);
  const head = `${c.bold(`${pair.from.name} (${pair.from.id})`)} ↔ ${c.bold(`${pair.to.name} (${pair.to.id})`)}: ${verdict}`;
  return [head, `  ${pair.reason}`, "", renderTrace(pair.forward, "→", c), "", renderTrace(pair.reverse, "←", c)].join("\n");
}

/** One direction: `→ src → dst  VERDICT`, the hop table, then the drop reason and the missing route. */
export function renderTrace(t: Trace, arrow: string, c: Colors): string {
  const verdict = t.verdict === "DELIVERED" ? c.green(t.verdict) : c.red(t.verdict);
  const lines = [`${arrow} ${t.src} → ${t.dst}  ${verdict}`];
  if (t.hops.length) {
    lines.push(
      renderTable(
        [{ header: "#", right: true }, { header: "at" }, { header: "action" }, { header: "table entry" }, { header: "why this entry" }],
        t.hops.map((h, i) => [String(i + 1), `${h.at.kind} ${h.at.name}`, h.action, tableEntry(h), h.entry?.note ?? ""]),
        "  ",
      ),
    );
  }
  if (t.verdict !== "DELIVERED") lines.push(`  ${c.red("why:")} ${t.reason}`);
  if (t.missingRoute) {
    lines.push(`  ${c.yellow("missing route:")} ${t.missingRoute.tableName} (${t.missingRoute.tableId}) needs a route to ${t.missingRoute.destinationCidr}`);
  }
  return lines.join("\n");
}

/** `TABLE owner: entry cidr → next hop`, or the table alone when nothing matched. */
function tableEntry(h: TraceHop): string {
  const e = h.entry;
  if (!e) return "";
  const route = e.destinationCidr ? `${e.destinationCidr}${e.nextHop ? ` → ${e.nextHop}` : ""}` : "";
  const match = [e.entryId, route].filter((x) => x).join(" ");
  return `${e.table} ${e.tableId}${match ? `: ${match}` : ""}`;
}
