import { addIdsOnPath, FailureCase, singleFailures } from "./failures";
import { listEndpoints, resolveEndpoint } from "./endpoints";
import { CompiledNetwork, compileNetwork } from "./compile";
import { matrixCells, ReachabilityMatrix } from "./matrix";
import { NetworkModel } from "./model";
import { EndpointRef, PairVerdictCode } from "./verdicts";

/** The network with one failure applied, against the intact one. */
export interface FailureImpact {
  readonly failure: FailureCase;
  /** Every endpoint pair with the failure in steady state after detection. */
  readonly matrix: ReachabilityMatrix;
  /** The ordered pairs whose verdict the failure changes. */
  readonly changed: ReadonlyArray<{ readonly from: EndpointRef; readonly to: EndpointRef; readonly before: PairVerdictCode; readonly after: PairVerdictCode }>;
}

/** Every single failure of a network and what each does to every endpoint pair. */
export interface SingleFailureAnalysis {
  readonly intact: ReachabilityMatrix;
  readonly failures: readonly FailureImpact[];
}

/**
 * The reachability matrix under each single failure (`singleFailures`) in
 * turn. A walk reads the state of only what its hops name (see
 * `failureTouches`), so a failure is walked again only on the cells whose
 * intact walk names something it affects; every other cell keeps its intact
 * verdict, and a failure that touches no cell costs no model at all.
 *
 * @param endpoints - @default every VPC, subnet, IDC site and direct-connect gateway of the model
 */
export function singleFailureAnalysis(model: NetworkModel, endpoints?: readonly (string | EndpointRef)[]): SingleFailureAnalysis {
  const list = endpoints ? endpoints.map((e) => (typeof e === "string" ? resolveEndpoint(model, e) : e)) : listEndpoints(model);
  const n = list.length;
  const intactCells = matrixCells(model, list);
  const codes = new Uint8Array(n * n);
  // Which cells each ID is on the path of (as numbers: cell = i * n + j).
  const cellsOf = new Map<string, number[]>();
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const { code, outcome } = intactCells.trace(i, j);
      codes[i * n + j] = code;
      if (!outcome) continue;
      ids.clear();
      addIdsOnPath(outcome.hops, ids);
      for (const id of ids) {
        const cells = cellsOf.get(id);
        if (cells) cells.push(i * n + j);
        else cellsOf.set(id, [i * n + j]);
      }
    }
  }
  const intact = new ReachabilityMatrix(model, list, codes);
  const failures = singleFailures(model).map((failure): FailureImpact => {
    const touched = new Set<number>();
    for (const id of failure.affects) for (const cell of cellsOf.get(id) ?? []) touched.add(cell);
    if (touched.size === 0) return { failure, matrix: intact, changed: [] };
    const failed = failure.apply();
    const after = codes.slice();
    withStatesOf(model, failed, (net) => {
      const cells = matrixCells(failed, list, net);
      for (const cell of touched) after[cell] = cells.code(Math.floor(cell / n), cell % n);
    });
    const matrix = new ReachabilityMatrix(failed, list, after);
    return { failure, matrix, changed: changedPairs(intact, matrix, touched) };
  });
  return { intact, failures };
}

/** The parts of a model a failure may change: the state of tunnels, devices and peerings. Compiling reads none of it. */
const STATEFUL = new Set<keyof NetworkModel>(["connections", "customerGateways", "peerings"]);

/**
 * Runs `work` on the intact model's compiled network with the failed model's
 * tunnels, devices and peerings swapped in, then swaps them back. Compiling
 * reads no state (the walk reads it, through these objects), so this is the
 * failed model's network without compiling it again; a failure that changed
 * anything else gets a compile of its own.
 */
function withStatesOf(intact: NetworkModel, failed: NetworkModel, work: (net: CompiledNetwork) => void): void {
  const changedElsewhere = (Object.keys(failed) as Array<keyof NetworkModel>).some((k) => !STATEFUL.has(k) && failed[k] !== intact[k]);
  if (changedElsewhere) return work(compileNetwork(failed));
  const net = compileNetwork(intact);
  const connections = new Map(failed.connections.map((c) => [c.id, c]));
  const devices = new Map(failed.customerGateways.map((d) => [d.id, d]));
  const peerings = new Map(failed.peerings.map((p) => [p.id, p]));
  const restore: Array<() => void> = [];
  const swap = <T extends object, K extends keyof T>(node: T, key: K, value: T[K] | undefined): void => {
    const before = node[key];
    if (value === undefined || value === before) return;
    const writable = node;
    writable[key] = value;
    restore.push(() => (writable[key] = before));
  };
  try {
    for (const c of net.connections.values()) {
      swap(c, "connection", connections.get(c.connection.id));
      if (c.customerGateway) swap(c, "customerGateway", devices.get(c.customerGateway.id));
    }
    for (const p of net.peerings.values()) swap(p, "peering", peerings.get(p.peering.id));
    work(net);
  } finally {
    for (const undo of restore) undo();
  }
}

/** Ordered pairs whose pair verdict differs: a changed cell i→j changes the pairs (i, j) and (j, i). */
function changedPairs(intact: ReachabilityMatrix, failed: ReachabilityMatrix, touched: ReadonlySet<number>): FailureImpact["changed"] {
  const n = intact.size;
  const pairs = new Set<number>();
  for (const cell of touched) {
    const i = Math.floor(cell / n);
    const j = cell % n;
    pairs.add(i * n + j);
    pairs.add(j * n + i);
  }
  const out: Array<FailureImpact["changed"][number]> = [];
  for (const cell of [...pairs].sort((a, b) => a - b)) {
    const i = Math.floor(cell / n);
    const j = cell % n;
    if (i === j) continue;
    const before = intact.verdictAt(i, j);
    const after = failed.verdictAt(i, j);
    if (before !== after) out.push({ from: intact.endpoints[i], to: intact.endpoints[j], before, after });
  }
  return out;
}
