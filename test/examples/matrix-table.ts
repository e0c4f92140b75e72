import { NetworkModel, reachabilityMatrix, resolveEndpoint } from "../../lib";

/** The header cell of an expected-matrix table in an example's README. */
export const MATRIX_CORNER = "from ↓ to →";

/**
 * An example README's expected matrix as a Markdown table: one row per source,
 * one column per destination (endpoints by name), each cell the one-way verdict
 * of a packet (DELIVERED or the drop reason), `—` on the diagonal.
 */
export function renderMatrixTable(model: NetworkModel, names: readonly string[]): string {
  const endpoints = names.map((n) => resolveEndpoint(model, n));
  const matrix = reachabilityMatrix(model, endpoints);
  const rows = [
    `| ${MATRIX_CORNER} | ${names.join(" | ")} |`,
    `|${names.map(() => "---|").join("")}---|`,
    ...names.map(
      (from, i) => `| **${from}** | ${names.map((_, j) => (i === j ? "—" : matrix.traceVerdictAt(i, j))).join(" | ")} |`,
    ),
  ];
  return rows.join("\n");
}

/** The endpoint names of a README matrix table (its header row). */
export function matrixTableNames(table: string): string[] {
  const header = table.split("\n")[0];
  return header
    .split("|")
    .map((c) => c.trim())
    .filter((c) => c !== "" && c !== MATRIX_CORNER);
}
