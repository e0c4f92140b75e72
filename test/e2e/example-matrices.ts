import * as fs from "fs";
import * as path from "path";
import { NetworkApp } from "../../lib/core/app";
import { reachabilityMatrix } from "../../lib/net/matrix";
import { PairVerdictCode, pairVerdictOf, TRACE_VERDICTS, TraceVerdict } from "../../lib/net/verdicts";
import { matrixTableNames } from "../examples/matrix-table";
import { EngineDeployment } from "./engine-deployment";

/** The examples folder: one runnable program per scenario row of DESIGN.md. */
export const EXAMPLES = path.resolve(__dirname, "../../examples");

/** Every example folder, sorted. */
export function exampleFolders(): string[] {
  return fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The NetworkApp an example module exports under `exportName`. */
export function exampleApp(folder: string, exportName = "app"): NetworkApp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(EXAMPLES, folder, "app.ts")) as Record<string, unknown>;
  const app = mod[exportName];
  if (!NetworkApp.isNetworkApp(app)) throw new Error(`examples/${folder}/app.ts exports no NetworkApp named '${exportName}'`);
  return app;
}

/** One expected matrix of an example README: a table under `<!-- matrix: <export> [pending] -->`. */
export interface ExpectedMatrix {
  readonly folder: string;
  /** The app module's export the table is about. */
  readonly exportName: string;
  /** The table shows cross-account peerings as first deployed (not yet accepted). */
  readonly pending: boolean;
  /** Endpoint names, in row and column order. */
  readonly names: readonly string[];
  /** The one-way verdict of every ordered pair of distinct endpoints, keyed `from → to`. */
  readonly cells: Readonly<Record<string, TraceVerdict>>;
}

/** The key of an ordered pair in `ExpectedMatrix.cells`. */
export function pairKey(from: string, to: string): string {
  return `${from} → ${to}`;
}

/**
 * Every expected matrix of an example's README, read from the tables the
 * example tests already hold to the synth-time model: the one source of the
 * DESIGN.md rows, not retyped here.
 */
export function expectedMatrices(folder: string): ExpectedMatrix[] {
  const text = fs.readFileSync(path.join(EXAMPLES, folder, "README.md"), "utf8");
  const tables = [...text.matchAll(/<!-- matrix: (\w+)( pending)? -->\n((?:\|.*\|\n?)+)/g)];
  if (tables.length === 0) throw new Error(`examples/${folder}/README.md has no <!-- matrix: … --> table`);
  return tables.map(([, exportName, pending, table]) => {
    const names = matrixTableNames(table);
    const rows = table.trimEnd().split("\n").slice(2);
    const cells: Record<string, TraceVerdict> = {};
    rows.forEach((row, i) => {
      const values = row.split("|").map((c) => c.trim()).slice(2, -1);
      if (row.split("|")[1].trim() !== `**${names[i]}**` || values.length !== names.length) {
        throw new Error(`examples/${folder}/README.md, matrix '${exportName}': row ${i + 1} does not match the header (${row})`);
      }
      values.forEach((value, j) => {
        if (i === j) return;
        if (!(TRACE_VERDICTS as readonly string[]).includes(value)) {
          throw new Error(`examples/${folder}/README.md, matrix '${exportName}': '${value}' (${names[i]} → ${names[j]}) is not a trace verdict`);
        }
        cells[pairKey(names[i], names[j])] = value as TraceVerdict;
      });
    });
    return { folder, exportName, pending: pending !== undefined, names, cells };
  });
}

/** One ordered pair as a matrix answers it: the pair verdict and the one-way verdict each way. */
export interface PairCell {
  readonly verdict: PairVerdictCode;
  readonly forward: TraceVerdict;
  readonly reverse: TraceVerdict;
}

/** Every ordered pair of distinct `names`, keyed `from → to`, from the one-way verdict of each direction. */
export function pairTable(names: readonly string[], oneWay: (from: string, to: string) => TraceVerdict): Record<string, PairCell> {
  const table: Record<string, PairCell> = {};
  for (const a of names) {
    for (const b of names) {
      if (a === b) continue;
      const forward = oneWay(a, b);
      const reverse = oneWay(b, a);
      table[pairKey(a, b)] = { verdict: pairVerdictOf(forward, reverse), forward, reverse };
    }
  }
  return table;
}

/** The README's matrix as `pairTable` cells. */
export function wantedTable(expected: ExpectedMatrix): Record<string, PairCell> {
  return pairTable(expected.names, (a, b) => expected.cells[pairKey(a, b)]);
}

/**
 * The engine's matrix over endpoints given by name, as the cloud API
 * (DescribeReachability) answers it to `account`, as `pairTable` cells.
 */
export function engineTable(deployment: EngineDeployment, names: readonly string[], account: string): Record<string, PairCell> {
  const answer = deployment.request("DescribeReachability", { endpoints: names }, account);
  const nameOf = new Map((answer.endpoints as Array<{ id: string; name: string }>).map((e) => [e.id, e.name]));
  const table: Record<string, PairCell> = {};
  for (const p of answer.pairs as Array<{ from: string; to: string } & PairCell>) {
    table[pairKey(nameOf.get(p.from)!, nameOf.get(p.to)!)] = { verdict: p.verdict, forward: p.forward, reverse: p.reverse };
  }
  return table;
}

/** The engine's matrix over every account (the operator's view, `networkModel()`), as `pairTable` cells. */
export function operatorTable(deployment: EngineDeployment, names: readonly string[]): Record<string, PairCell> {
  const matrix = reachabilityMatrix(deployment.networkModel(), names);
  return pairTable(names, (a, b) => matrix.traceVerdictAt(names.indexOf(a), names.indexOf(b)));
}
