import { PairVerdict, Trace, TraceHop } from "./verdicts";

/**
 * Traces and pair verdicts as text for people: the CLI prints these, and an
 * intent finding carries them.
 */

/** One line per hop, then the verdict and its reason. */
export function formatTrace(t: Trace, indent = ""): string {
  const lines = [`${indent}${t.src} → ${t.dst}: ${t.verdict}`];
  t.hops.forEach((h, i) => lines.push(`${indent}  ${i + 1}. ${formatHop(h)}`));
  if (t.verdict !== "DELIVERED") lines.push(`${indent}  why: ${t.reason}`);
  if (t.missingRoute) {
    lines.push(`${indent}  missing route: ${t.missingRoute.tableName} → ${t.missingRoute.destinationCidr}`);
  }
  return lines.join("\n");
}

/** A hop as `[KIND name] action (table id: entry cidr → next hop; note)`. */
export function formatHop(h: TraceHop): string {
  const e = h.entry;
  const where = `[${h.at.kind} ${h.at.name}]`;
  if (!e) return `${where} ${h.action}`;
  const match = [e.entryId, e.destinationCidr ? `${e.destinationCidr}${e.nextHop ? ` → ${e.nextHop}` : ""}` : undefined]
    .filter((x) => x !== undefined)
    .join(" ");
  const detail = [`${e.table} ${e.tableId}${match ? `: ${match}` : ""}`, e.note].filter((x) => x).join("; ");
  return `${where} ${h.action} (${detail})`;
}

/**
 * A trace on one line, for findings and logs:
 * `src → dst: place (table entry) → place … ⇒ VERDICT: reason`.
 */
export function formatTraceInline(t: Trace): string {
  const path = t.hops
    .map((h) => `${h.at.kind} ${h.at.id}${h.entry?.entryId ? ` (${h.entry.table} ${h.entry.entryId})` : ""}`)
    .join(" → ");
  const end = t.verdict === "DELIVERED" ? "DELIVERED" : `${t.verdict}: ${t.reason}`;
  return `${t.src} → ${t.dst}: ${path || "(no hop)"} ⇒ ${end}`;
}

/** The verdict line, then both traces. */
export function formatPair(p: PairVerdict): string {
  return [`${p.from.name} ↔ ${p.to.name}: ${p.verdict} — ${p.reason}`, formatTrace(p.forward, "  "), formatTrace(p.reverse, "  ")].join(
    "\n",
  );
}
