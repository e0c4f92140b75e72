import { formatBottleneck } from "../../net/bottleneck";
import { PairVerdict, Trace, TraceHop } from "../../net/verdicts";
import { Colors } from "./colors";
import { visibleLength } from "./table";

/** Terminal width the trace is laid out for: 100 columns, or a narrower terminal's own (never under 60). */
export const TRACE_WIDTH = 100;

/**
 * A pair verdict for people: the verdict line with its reason, then each
 * direction hop by hop (where the packet was, what it did, the table entry
 * that decided it, and why that entry), then why it stopped. Fits `width`
 * columns: a hop is a short block, not a table row, because its action and
 * entry texts are long (a 5-column table ran to ~250 columns).
 */
export function renderPair(pair: PairVerdict, c: Colors, width = TRACE_WIDTH): string {
  const verdict = pair.verdict === "REACHABLE" ? c.green(pair.verdict) : pair.verdict === "ONE_WAY" ? c.yellow(pair.verdict) : c.red(pair.verdict);
  const head = wrap(`${c.bold(`${pair.from.name} (${pair.from.id})`)} ↔ ${c.bold(`${pair.to.name} (${pair.to.id})`)}: ${verdict}`, width, "  ");
  return [head, wrap(`  ${pair.reason}`, width, "  "), "", renderTrace(pair.forward, "→", c, width), "", renderTrace(pair.reverse, "←", c, width)].join("\n");
}

/**
 * One direction: `→ src → dst  VERDICT`, then per hop
 * `  N  KIND name` / the action / `entry:` the table entry / `why:` the reason,
 * then the drop reason and the missing route, or (delivered) the bottleneck.
 */
export function renderTrace(t: Trace, arrow: string, c: Colors, width = TRACE_WIDTH): string {
  const verdict = t.verdict === "DELIVERED" ? c.green(t.verdict) : c.red(t.verdict);
  const lines = [`${arrow} ${t.src} → ${t.dst}  ${verdict}`];
  const number = String(t.hops.length).length;
  t.hops.forEach((h, i) => {
    const indent = " ".repeat(2 + number + 2);
    lines.push(wrap(`  ${String(i + 1).padStart(number)}  ${c.bold(`${h.at.kind} ${h.at.name}`)}  ${h.action}`, width, indent));
    const entry = tableEntry(h);
    if (entry) lines.push(wrap(`${indent}${c.dim("entry:")} ${entry}`, width, `${indent}       `));
    if (h.entry?.note) lines.push(wrap(`${indent}${c.dim("why:")}   ${h.entry.note}`, width, `${indent}       `));
  });
  if (t.verdict !== "DELIVERED") lines.push(wrap(`  ${c.red("why:")} ${t.reason}`, width, "       "));
  if (t.bottleneck !== undefined) lines.push(wrap(`  ${c.dim("bottleneck:")} ${formatBottleneck(t.bottleneck)}`, width, "    "));
  if (t.missingRoute) {
    lines.push(wrap(`  ${c.yellow("missing route:")} ${t.missingRoute.tableName} (${t.missingRoute.tableId}) needs a route to ${t.missingRoute.destinationCidr}`, width, "    "));
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

/**
 * Breaks `text` at spaces so no line is wider than `width` (colour codes take
 * no room); continuation lines start with `indent`. A single word longer than
 * the line (an ID, a CIDR list) stays whole rather than being cut.
 */
export function wrap(text: string, width: number, indent: string): string {
  if (visibleLength(text) <= width) return text;
  const out: string[] = [];
  let line = "";
  // Keep the text's own leading spaces on the first line.
  const lead = /^ */.exec(text)![0];
  // Split on single spaces: a double space (the gap between a hop's place and its action) survives as an empty word.
  let fresh = true;
  for (const word of text.slice(lead.length).split(" ")) {
    if (fresh && out.length > 0 && word === "") continue;
    const candidate = fresh ? `${out.length === 0 ? lead : indent}${word}` : `${line} ${word}`;
    if (!fresh && word !== "" && visibleLength(candidate) > width) {
      out.push(line.trimEnd());
      line = `${indent}${word}`;
    } else line = candidate;
    fresh = false;
  }
  out.push(line);
  return out.join("\n");
}
