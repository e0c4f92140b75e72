import { listEndpoints } from "../net/endpoints";
import { reachabilityMatrix, ReachabilityMatrix } from "../net/matrix";
import { NetworkModel } from "../net/model";
import { EndpointRef } from "../net/verdicts";
import { LogicalNames, resolveCliEndpoint } from "./names";

/** Which endpoints a matrix shows. */
export interface EndpointSelection {
  /** Endpoints named on the command line (by name, logical ID, cloud ID or address). @default - every endpoint */
  readonly given?: readonly string[];
  /** Include subnets. @default false */
  readonly subnets?: boolean;
  /** Only endpoints a stack created (`names.logicalIdOf` knows them). @default false */
  readonly stackOnly?: boolean;
}

/** The reachability matrix over the selected endpoints of the live model. */
export function selectedMatrix(model: NetworkModel, names: LogicalNames, selection: EndpointSelection): ReachabilityMatrix {
  return reachabilityMatrix(model, selectedEndpoints(model, names, selection));
}

/** The endpoints a matrix over `selection` would have (cheap: no walk). */
export function selectedEndpoints(model: NetworkModel, names: LogicalNames, selection: EndpointSelection): EndpointRef[] {
  return selection.given?.length
    ? selection.given.map((text) => resolveCliEndpoint(model, text, names))
    : listEndpoints(model).filter(
        (e) => (selection.subnets || e.kind !== "SUBNET") && (!selection.stackOnly || names.logicalIdOf(e.id) !== undefined),
      );
}

/** The matrix for machines: endpoints (with logical IDs where known), the one-way verdict grid, the pair verdicts and counts. */
export function matrixJson(matrix: ReachabilityMatrix, names: LogicalNames) {
  const e = matrix.endpoints;
  const pairs: Array<{ from: string; to: string; verdict: string }> = [];
  for (let i = 0; i < e.length; i++) for (let j = i + 1; j < e.length; j++) pairs.push({ from: e[i].id, to: e[j].id, verdict: matrix.verdictAt(i, j) });
  const counts = matrix.counts();
  return {
    endpoints: e.map((x) => ({ ...x, ...(names.logicalIdOf(x.id) ? { logicalId: names.logicalIdOf(x.id) } : {}) })),
    verdicts: e.map((_, i) => e.map((__, j) => (i === j ? null : matrix.traceVerdictAt(i, j)))),
    pairs,
    counts: { REACHABLE: counts.REACHABLE / 2, ONE_WAY: counts.ONE_WAY / 2, UNREACHABLE: counts.UNREACHABLE / 2 },
  };
}
