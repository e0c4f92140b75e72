import { ReachabilityMatrix } from "../../net/matrix";
import { EndpointRef, TraceVerdict } from "../../net/verdicts";
import { Colors } from "./colors";
import { renderTable } from "./table";

/**
 * The reachability table: one row per source, one column per destination,
 * each cell the one-way verdict (`ok` when delivered, else the drop reason),
 * green or red in a terminal; then the pair counts.
 */
export function renderMatrix(matrix: ReachabilityMatrix, labels: readonly string[], c: Colors): string {
  const n = matrix.size;
  const rows = labels.map((label, i) => [
    c.bold(label),
    ...labels.map((_, j) => (i === j ? c.dim("—") : cell(matrix.traceVerdictAt(i, j), c))),
  ]);
  const table = renderTable([{ header: "from ↓ to →" }, ...labels.map((l) => ({ header: l }))], rows);
  const counts = matrix.counts();
  const summary =
    `${n} endpoint${n === 1 ? "" : "s"}; pairs: ${c.green(`${counts.REACHABLE / 2} reachable`)}, ` +
    `${(counts.ONE_WAY ? c.yellow : (t: string) => t)(`${counts.ONE_WAY / 2} one-way`)}, ${counts.UNREACHABLE / 2} unreachable`;
  return `${table}\n\n${summary}`;
}

function cell(v: TraceVerdict, c: Colors): string {
  return v === "DELIVERED" ? c.green("ok") : c.red(v);
}

/** Labels for endpoints: their names, with the ID added where two share a name. */
export function endpointLabels(endpoints: readonly EndpointRef[]): string[] {
  const seen = new Map<string, number>();
  for (const e of endpoints) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  return endpoints.map((e) => ((seen.get(e.name) ?? 0) > 1 ? `${e.name} (${e.id})` : e.name));
}
