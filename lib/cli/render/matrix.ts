import { ReachabilityMatrix } from "../../net/matrix";
import { EndpointRef, TraceVerdict } from "../../net/verdicts";
import { Colors } from "./colors";
import { renderTable, visibleLength } from "./table";

/** The width terminal output is laid out for (the matrix and traces). */
export const MATRIX_WIDTH = 100;
/** In the list form, the failing pairs shown before "… N more". */
const MAX_LISTED = 40;

/**
 * The reachability table for people, in the first form that fits `width`
 * columns: (1) the full table, one row per source and one column per
 * destination, each cell `ok` or the drop reason; (2) the same table with
 * numbered columns and short verdict codes, with a key below; (3) past that
 * (a few dozen endpoints), the pairs that do not reach, listed, with counts.
 * `--json` always has every cell.
 */
export function renderMatrix(matrix: ReachabilityMatrix, labels: readonly string[], c: Colors, width = MATRIX_WIDTH): string {
  const n = matrix.size;
  const counts = matrix.counts();
  const summary =
    `${n} endpoint${n === 1 ? "" : "s"}; pairs: ${c.green(`${counts.REACHABLE / 2} reachable`)}, ` +
    `${(counts.ONE_WAY ? c.yellow : (t: string) => t)(`${counts.ONE_WAY / 2} one-way`)}, ${counts.UNREACHABLE / 2} unreachable`;
  // The bottleneck goes into the cells only where the table still fits (`--json` has it for every cell).
  const withBandwidth = fullTable(matrix, labels, c, true);
  if (withBandwidth && widest(withBandwidth) <= width) return `${withBandwidth}\n\n${BANDWIDTH_KEY}\n\n${summary}`;
  const full = fullTable(matrix, labels, c, false)!;
  if (widest(full) <= width) return `${full}\n\n${summary}`;
  const compact = numberedTable(matrix, labels, c);
  if (widest(compact.table) <= width) return `${compact.table}\n\n${compact.key}\n\n${summary}`;
  return `${failingPairs(matrix, labels, c)}\n\n${summary}`;
}

/** What `ok 100M` means, under a table that shows bottlenecks. */
const BANDWIDTH_KEY = "ok 100M = delivered, at most 100 Mbps (the path's narrowest VPN gateway or peering); ok = no limit";

/**
 * The full table; with `bandwidth`, delivered cells carry their bottleneck
 * (`ok 100M`). Undefined when bandwidth is asked for and no path has a limit,
 * so the plain table (and no key) is shown.
 */
function fullTable(matrix: ReachabilityMatrix, labels: readonly string[], c: Colors, bandwidth: boolean): string | undefined {
  let limited = false;
  const rows = labels.map((label, i) => [
    c.bold(label),
    ...labels.map((_, j) => {
      if (i === j) return c.dim("—");
      const v = matrix.traceVerdictAt(i, j);
      const b = bandwidth && v === "DELIVERED" ? matrix.bottleneckAt(i, j) : undefined;
      if (b) limited = true;
      return b ? c.green(`ok ${b.bandwidthMbps}M`) : cell(v, c);
    }),
  ]);
  if (bandwidth && !limited) return undefined;
  return renderTable([{ header: "from ↓ to →" }, ...labels.map((l) => ({ header: l }))], rows);
}

/** Columns numbered as the rows are; cells `ok` or a code from the key (NR = NO_ROUTE…). */
function numberedTable(matrix: ReachabilityMatrix, labels: readonly string[], c: Colors): { table: string; key: string } {
  const used = new Map<TraceVerdict, string>();
  const codeOf = (v: TraceVerdict): string => {
    let code = used.get(v);
    if (code === undefined) {
      code = v.split("_").map((w) => w[0]).join("");
      // Two verdicts with the same initials: number the later one.
      while ([...used.values()].includes(code)) code = `${code}${used.size}`;
      used.set(v, code);
    }
    return code;
  };
  const rows = labels.map((label, i) => [
    `${i + 1}`,
    c.bold(label),
    ...labels.map((_, j) => {
      if (i === j) return c.dim("—");
      const v = matrix.traceVerdictAt(i, j);
      return v === "DELIVERED" ? c.green("ok") : c.red(codeOf(v));
    }),
  ]);
  const table = renderTable([{ header: "#", right: true }, { header: "from ↓ to →" }, ...labels.map((_, j) => ({ header: String(j + 1) }))], rows);
  const key = used.size ? `key: ok = delivered; ${[...used].map(([v, code]) => `${code} = ${v}`).join("; ")}` : "key: ok = delivered";
  return { table, key };
}

/** Too many endpoints for a table: every pair that does not deliver, up to MAX_LISTED, then how many more. */
function failingPairs(matrix: ReachabilityMatrix, labels: readonly string[], c: Colors): string {
  const failing: string[] = [];
  let total = 0;
  for (let i = 0; i < matrix.size; i++) {
    for (let j = 0; j < matrix.size; j++) {
      if (i === j) continue;
      const v = matrix.traceVerdictAt(i, j);
      if (v === "DELIVERED") continue;
      total++;
      if (failing.length < MAX_LISTED) failing.push(`  ${labels[i]} → ${labels[j]}  ${c.red(v)}`);
    }
  }
  const head = `${matrix.size} endpoints are too many for a table ${MATRIX_WIDTH} columns wide; ` + (total ? `the ${total} one-way path(s) that do not deliver:` : "every path delivers.");
  const more = total > failing.length ? [`  … ${total - failing.length} more (all of them: hybridlink matrix --json, or trace a pair)`] : [];
  return [head, ...failing, ...more].join("\n");
}

function widest(text: string): number {
  return Math.max(...text.split("\n").map(visibleLength));
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
